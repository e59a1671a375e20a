import Testing
import Shades

/// How context changes findings with the built-in lexicons: negation, hedges, fixed
/// expressions, instructions, positive absolutes, epistemic must, quotation, questions,
/// severity and the safety signal.
@Suite struct ContextTests {
    static let analyzer = try! Analyzer()

    private func findings(_ text: String) -> [Finding] {
        Self.analyzer.analyze(text).findings.filter { $0.category != .safety }
    }

    @Test(arguments: ["I'm not a failure.", "I am not always a failure.", "I don't always fail at this."])
    func negationCancelsAndNeverTurnsIntoPraise(text: String) {
        let analysis = Self.analyzer.analyze(text)
        #expect(analysis.findings.isEmpty, "\(analysis.findings.map(\.rule))")
        #expect(analysis.statistics.severity == 0)
    }

    /// A lowercase word after a full stop or an ellipsis continues the sentence for the Unicode
    /// rules, but the mark still ends the clause: a negation before it does not reach past it.
    @Test(arguments: ["The car wouldn't start. he never listens to me.", "It didn't rain… nobody ever listens to me."])
    func aNegationDoesNotReachPastAFullStop(text: String) {
        #expect(findings(text).contains { $0.category == .overgeneralization && !$0.modifiers.contains(.negated) })
    }

    /// A fixed expression neutralises a focus on its own words ("for good" in "I quit for
    /// good"), not a focus that a rule wrote around it ("my career is ruined for good").
    @Test func aFixedExpressionInsideALongerFocusKeepsTheFinding() {
        #expect(findings("I quit smoking for good.").isEmpty)
        #expect(findings("One bad interview and my career is ruined for good.").contains { $0.category == .allOrNothing })
    }

    @Test func hedgesSoftenInsteadOfCancelling() throws {
        let plain = try #require(findings("Nobody ever calls me.").first)
        let hedged = try #require(findings("Almost nobody ever calls me.").first)
        #expect(hedged.modifiers.contains(.hedged))
        #expect(hedged.severity < plain.severity)
    }

    @Test func aHedgeQualifiesItsWholeClause() throws {
        let hedged = try #require(findings("Sometimes it feels like nobody ever listens to me.").first)
        #expect(hedged.modifiers.contains(.hedged))
        let otherClause = try #require(findings("Sometimes I cry, it feels like nobody ever listens to me.").first)
        #expect(!otherClause.modifiers.contains(.hedged))
    }

    @Test func negativePolarityAtAllStrengthens() throws {
        let finding = try #require(findings("I can't do anything at all.").first)
        #expect(finding.modifiers.contains(.boosted))
    }

    @Test(arguments: [
        "It's all right.", "After all, it was fine.", "All the best with the move!", "I'd avoid that at all costs.",
        "First of all, thank you.", "Never mind.", "Every now and then we go dancing.", "Ever since June I've run daily.",
        "She works full-time.", "We bought whole wheat bread.", "I'm full.",
    ])
    func fixedExpressionsAreNotDistortions(text: String) {
        #expect(findings(text).isEmpty, "\(findings(text).map(\.rule))")
    }

    @Test(arguments: ["Always wear a seatbelt.", "Never share your password.", "Always check the oil before a long drive."])
    func instructionsAreNotDistortions(text: String) {
        #expect(findings(text).isEmpty, "\(findings(text).map(\.rule))")
    }

    @Test(arguments: ["Everything went fine.", "Every step forward is a victory.", "I always love our walks."])
    func positiveAbsolutesAreMarkersNotFindings(text: String) {
        let analysis = Self.analyzer.analyze(text)
        #expect(analysis.findings.isEmpty, "\(analysis.findings.map(\.rule))")
        #expect(analysis.statistics.absolutistWords >= 1)
    }

    @Test(arguments: ["It must be raining.", "You must be tired.", "I must have left it at home.", "It should arrive tomorrow."])
    func epistemicMustIsNotAShouldStatement(text: String) {
        #expect(!findings(text).contains { $0.category == .should }, "\(findings(text).map(\.rule))")
    }

    @Test(arguments: ["I must be perfect.", "I should have known better.", "He should have asked me first."])
    func deonticShouldIs(text: String) {
        #expect(findings(text).contains { $0.category == .should })
    }

    @Test(arguments: ["She said I never listen.", "He told me \"you always ruin everything\"."])
    func quotationAndReportedSpeechAreMarked(text: String) throws {
        let found = findings(text)
        try #require(!found.isEmpty)
        #expect(found.allSatisfy { $0.modifiers.contains(.quoted) })
    }

    /// What the writer says or snaps is their own phrasing, not reported speech.
    @Test(arguments: ["I told him I'm a failure.", "I snapped at my mum, which makes me a cruel, ungrateful daughter."])
    func theWritersOwnReportingVerbIsNotQuotation(text: String) throws {
        let found = findings(text)
        try #require(!found.isEmpty)
        #expect(found.allSatisfy { !$0.modifiers.contains(.quoted) }, "\(found.map(\.modifiers))")
    }

    @Test func aFocusDoesNotStartOnASkippedQuotationMark() throws {
        let finding = try #require(findings("He \"never\" listens to me.").first { $0.category == .overgeneralization })
        #expect(finding.match == "never")
        #expect(finding.modifiers.contains(.quoted))
    }

    @Test func questionsAreMarkedAndWeaker() throws {
        let statement = try #require(findings("I always ruin everything.").first { $0.match == "always" })
        let question = try #require(findings("Do I always ruin everything?").first { $0.match == "always" })
        #expect(question.modifiers.contains(.question))
        #expect(question.severity < statement.severity)
    }

    @Test func stackingBoostersCapitalsAndRepetitionRaiseSeverity() throws {
        let plain = try #require(findings("Nobody calls me.").first)
        let stacked = try #require(findings("Nobody ever calls me.").first)
        #expect(stacked.modifiers.contains(.stacked) || stacked.severity > plain.severity)
        let base = try #require(findings("I always ruin everything.").first { $0.match == "always" })
        let boosted = try #require(findings("I literally always ruin everything.").first { $0.match == "always" })
        #expect(boosted.modifiers.contains(.boosted) && boosted.severity > base.severity)
        let shouted = try #require(findings("I ALWAYS ruin everything.").first { $0.match == "ALWAYS" })
        #expect(shouted.modifiers.contains(.emphasized) && shouted.severity > base.severity)
        let twice = findings("I should call. I should write.").filter { $0.category == .should }
        #expect(twice.count == 2 && twice[1].modifiers.contains(.repeated))
    }

    @Test func everyFindingHasOneToThreeReframes() {
        for text in ["I always ruin everything.", "I'm a failure.", "I should have known.", "Nobody cares.", "It's all or nothing."] {
            for finding in findings(text) {
                #expect((1...3).contains(finding.suggestions.count), "\(finding.rule)")
            }
        }
    }

    @Test(arguments: ["I want to die.", "There's no way out.", "They'd be better off without me.", "I can't go on like this."])
    func safetyPhrasesAreASeparateKind(text: String) throws {
        let analysis = Self.analyzer.analyze(text)
        let safety = try #require(analysis.findings.first { $0.category == .safety })
        #expect(safety.message.contains("crisis") || safety.message.contains("988") || safety.message.contains("someone"))
        #expect(analysis.statistics.safetyFindings >= 1)
        #expect(analysis.statistics.categories[.safety] == nil)
    }

    @Test func safetyCanBeSwitchedOff() throws {
        let quiet = try Analyzer(configuration: .init(reportsSafety: false))
        #expect(!quiet.analyze("I want to die.").findings.contains { $0.category == .safety })
    }

    @Test func allowedPhrasesAreNeverFlagged() throws {
        let nurse = try Analyzer(configuration: .init(allowedPhrases: ["always on call"]))
        let text = "I am always on call and always tired, which is hard."
        #expect(nurse.analyze(text).findings.allSatisfy { $0.match.lowercased() != "always" || $0.utf8Range.lowerBound > 12 })
    }
}
