import Testing
import Shades

@Suite struct LexiconParserTests {
    private func error(_ source: String) -> LexiconError? {
        do {
            _ = try Analyzer(lexicons: Lexicon.defaults + [Lexicon(source: source, name: "mine.shades")])
            return nil
        } catch {
            return error
        }
    }

    private let validRule = """
        rule mine.always-late
          category: overgeneralization
          pattern: <always> late
          message: 'Always' makes lateness sound permanent.
          suggest: sometimes late
          source: Shades team
          match: I am always late.
        """

    @Test func aValidCustomRuleIsUsed() throws {
        let analyzer = try Analyzer(lexicons: [Lexicon(source: validRule, name: "mine.shades")])
        let findings = analyzer.analyze("He is always late.").findings
        #expect(findings.map(\.rule) == ["mine.always-late"])
        #expect(findings.first?.match == "always")
    }

    @Test func windowsLineEndingsAreReadLikeUnixOnes() throws {
        let crlf = validRule.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\r\n") + "\r\n"
        let analyzer = try Analyzer(lexicons: [Lexicon(source: crlf, name: "mine.shades")])
        #expect(analyzer.analyze("He is always late.").findings.map(\.rule) == ["mine.always-late"])
        let broken = try #require(error("rule x\r\n  category: feelings\r\n"))
        #expect(broken.line == 2, "\(broken)")
        #expect(broken.message.contains("unknown category 'feelings'"), "\(broken)")
    }

    @Test(arguments: [
        ("rule x\n  category: feelings\n", 2, "unknown category 'feelings'"),
        ("rule x\n  sugest: y\n", 2, "unknown field 'sugest'"),
        ("  category: should\n", 1, "an indented field comes before any entry"),
        ("rules x\n", 1, "expected an entry header"),
        ("rule x\n  category: should\n  pattern: (always\n", 3, "missing ')'"),
        ("rule x\n  category: should\n  pattern: {0,3}\n  message: m\n  suggest: s\n  source: s\n  match: m\n", 3, "can match nothing"),
        ("rule x\n  category: should\n  pattern: @nonexistent\n  message: m\n  suggest: s\n  source: s\n  match: m\n", 3, "unknown class '@nonexistent'"),
        ("rule x\n  category: should\n  pattern: a\n  message: m\n  source: s\n  match: m\n", 1, "one to three 'suggest:'"),
        ("rule x\n  category: should\n  pattern: a {5,2} b\n", 3, "a gap is written"),
        ("rule x\n  category: should\n  severity: 3\n", 3, "severity is a number from 0 to 1"),
        ("spelling s\n  words: tryna=trying+\n", 2, "with + between the words"),
        ("rule x\n  category: should\n  pattern: never gonna\n  message: m\n  suggest: s\n  source: s\n  match: m\n", 3, "'gonna' is read as 'going to' (a spelling)"),
        ("rule x\n  category: should\n  pattern: \(String(repeating: "a", count: 64))*\n  message: m\n  suggest: s\n  source: s\n  match: m\n", 3, "too long for a prefix"),
    ])
    func brokenLexiconsNameTheLineAndTheProblem(source: String, line: Int, message: String) throws {
        let failure = try #require(self.error(source))
        #expect(failure.file == "mine.shades")
        #expect(failure.line == line)
        #expect(failure.message.contains(message), "\(failure)")
    }

    @Test func aRuleIdDefinedTwiceIsAnError() throws {
        let error = try #require(self.error(validRule + "\n\n" + validRule))
        #expect(error.message.contains("already defined"))
    }

    @Test func disablingAnUnknownRuleIsAnError() {
        #expect(throws: LexiconError.self) {
            try Analyzer(configuration: .init(disabledRules: ["no.such-rule"]))
        }
    }

    @Test func aMissingFileNamesTheFileAndTheReason() {
        #expect {
            try Lexicon(contentsOf: "/nonexistent/mine.shades")
        } throws: { error in
            "\(error)".contains("/nonexistent/mine.shades") && "\(error)".contains("No such file")
        }
    }
}
