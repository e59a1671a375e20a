public import Testing
@testable import Shades

/// Every example written in the built-in lexicons, run through the full default analyzer:
/// a `match:` sentence must get a finding from its rule, a `no-match:` sentence must not.
@Suite struct LexiconExampleTests {
    static let analyzer = try! Analyzer()
    static let examples: [(rule: Rule, example: Rule.Example)] = Lexicon.defaults
        .flatMap(\.rules).flatMap { rule in rule.examples.map { (rule, $0) } }

    @Test func theDefaultLexiconsHaveRulesInEveryCategory() {
        let categories = Set(Lexicon.defaults.flatMap(\.rules).map(\.category))
        #expect(categories == Set(Category.allCases))
    }

    @Test(arguments: examples)
    func example(rule: Rule, example: Rule.Example) {
        let fired = Self.analyzer.analyze(example.text).findings.contains { $0.rule == rule.id }
        #expect(
            fired == example.shouldMatch,
            "\(example.location): \(rule.id) \(example.shouldMatch ? "should flag" : "should not flag") “\(example.text)”")
    }

    static let fixedExamples: [Rule.Example] = Lexicon.defaults.flatMap(\.fixedExpressions).flatMap(\.examples)

    @Test(arguments: fixedExamples)
    func fixedExpressionExample(example: Rule.Example) {
        let findings = Self.analyzer.analyze(example.text).findings.filter { $0.category != .safety }
        #expect(findings.isEmpty, "\(example.location): “\(example.text)” should not be flagged, got \(findings.map(\.rule))")
    }

    @Test func everyRuleHasOneToThreeSuggestionsAndAMessage() {
        for rule in Self.analyzer.rules {
            #expect((1...3).contains(rule.suggestions.count), "\(rule.id)")
            #expect(!rule.message.isEmpty && !rule.source.isEmpty, "\(rule.id)")
        }
    }
}

extension Rule: CustomTestStringConvertible {
    var testDescription: String { id }
}

extension Rule.Example: CustomTestStringConvertible {
    var testDescription: String { "\(location) “\(text)”" }
}
