import Foundation
import Testing
@testable import Shades

/// `Analyzer.explain`: the analysis unchanged, plus why each rule match that was not reported
/// was set aside. On a small lexicon of its own, one rule per reason.
@Suite struct ExplanationTests {
    private static let source = """
        class negation
          words: not never

        class dispute
          pattern: but that's not true

        fixed idioms
          pattern: all right

        rule always
          category: overgeneralization
          pattern: always
          except: always on call
          except-after: lol
          message: m
          suggest: s
          source: test
          match: x

        rule everything
          category: all-or-nothing
          pattern: everything
          requires: ruin*
          message: m
          suggest: s
          source: test
          match: x

        rule all
          category: all-or-nothing
          pattern: all
          message: m
          suggest: s
          source: test
          match: x

        rule failure
          category: labeling
          pattern: failure
          message: m
          suggest: s
          source: test
          match: x

        rule total-failure
          category: labeling
          pattern: a total failure
          message: m
          suggest: s
          source: test
          severity: 0.2
          match: x

        rule total
          category: labeling
          pattern: total
          overlap: yield
          message: m
          suggest: s
          source: test
          match: x
        """

    private func explain(_ text: String, configuration: Analyzer.Configuration = .init()) throws -> Explanation {
        try Analyzer(lexicons: [Lexicon(source: Self.source, name: "test.shades")], configuration: configuration).explain(text)
    }

    private func reasons(_ explanation: Explanation) -> [String: SetAsideMatch.Reason] {
        Dictionary(explanation.setAside.map { ($0.rule, $0.reason) }) { first, _ in first }
    }

    @Test(arguments: [
        "I always fail.", "I'm always on call, lol. Everything is fine.", "It's all right, but I always fail, but that's not true.",
        "I'm not a failure. I'm a total failure.", "",
    ])
    func theAnalysisIsTheOneAnalyzeGives(text: String) throws {
        let analyzer = try Analyzer(lexicons: [Lexicon(source: Self.source, name: "test.shades")])
        #expect(analyzer.explain(text).analysis == analyzer.analyze(text))
    }

    @Test func anExceptionNamesItsPatternAndWords() throws {
        let explanation = try explain("I'm always on call.")
        #expect(explanation.analysis.findings.isEmpty)
        #expect(reasons(explanation)["always"] == .exception(pattern: "always on call", words: "always on call"))
        #expect(explanation.setAside.first?.match == "always")
        #expect(explanation.setAside.first?.pattern == "always")
    }

    @Test func laterWordsDisputesAndRequirementsAreNamed() throws {
        #expect(reasons(try explain("He always forgets, lol."))["always"] == .exceptionAfter(pattern: "lol", words: "lol"))
        #expect(reasons(try explain("He always forgets, but that's not true."))["always"] == .disputed(words: "but that's not true"))
        #expect(reasons(try explain("Everything went fine."))["everything"] == .missingRequirement(patterns: ["ruin*"]))
        #expect(reasons(try explain("I ruined everything."))["everything"] == nil)
    }

    @Test func fixedExpressionsAllowedPhrasesAndNegationsAreNamed() throws {
        #expect(reasons(try explain("It's all right."))["all"] == .fixedExpression(words: "all right"))
        #expect(reasons(try explain("I'm not a failure."))["failure"] == .negated)
        let allowed = try explain("I'm always late.", configuration: .init(allowedPhrases: ["always late"]))
        #expect(reasons(allowed)["always"] == .allowedPhrase(words: "always late"))
    }

    @Test func overlapsAndTheMinimumSeverityAreNamed() throws {
        let explanation = try explain("I'm a total failure.")
        #expect(explanation.analysis.findings.map(\.rule) == ["total-failure"])
        #expect(reasons(explanation)["failure"] == .overlapped(rule: "total-failure"))
        #expect(reasons(explanation)["total"] == .overlapped(rule: "total-failure"))
        let strict = try explain("I'm a total failure.", configuration: .init(minimumSeverity: 0.5))
        #expect(reasons(strict)["total-failure"] == .belowMinimumSeverity(severity: 0.2, minimum: 0.5))
    }

    @Test func theJSONNamesEachReasonByKind() throws {
        let cases: [(text: String, kind: String)] = [
            ("I'm always on call.", "exception"), ("He always forgets, lol.", "exceptionAfter"),
            ("He always forgets, but that's not true.", "disputed"), ("Everything went fine.", "missingRequirement"),
            ("It's all right.", "fixedExpression"), ("I'm not a failure.", "negated"), ("I'm a total failure.", "overlapped"),
        ]
        for (text, kind) in cases {
            var writer = JSONWriter()
            try explain(text).writeJSON(to: &writer, text: text)
            let object = try #require(try JSONSerialization.jsonObject(with: Data(writer.bytes)) as? [String: Any])
            let kinds = (object["setAside"] as? [[String: Any]] ?? []).compactMap { ($0["reason"] as? [String: Any])?["kind"] as? String }
            #expect(kinds.contains(kind), "\(text)")
        }
    }

    @Test func everyReasonReadsAsASentence() {
        let reasons: [SetAsideMatch.Reason] = [
            .exception(pattern: "p", words: "w"), .exceptionAfter(pattern: "p", words: "w"), .disputed(words: "w"),
            .missingRequirement(patterns: ["p"]), .allowedPhrase(words: "w"), .fixedExpression(words: "w"), .negated,
            .overlapped(rule: "r"), .belowMinimumSeverity(severity: 0.1, minimum: 0.5),
        ]
        #expect(Set(reasons.map(\.explanation)).count == reasons.count)
        #expect(reasons.allSatisfy { !$0.explanation.isEmpty && $0.explanation.first!.isLowercase })
    }
}
