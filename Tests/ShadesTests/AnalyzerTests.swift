import Testing
import Shades

@Suite struct AnalyzerTests {
    static let analyzer = try! Analyzer()

    @Test func findingsCarryEverythingAUserNeeds() throws {
        let analysis = Self.analyzer.analyze("Well. I always ruin everything.")
        let finding = try #require(analysis.findings.first { $0.category == .overgeneralization })
        #expect(finding.match == "always")
        #expect(finding.utf8Range == 8..<14)
        #expect(finding.unicodeScalarRange == 8..<14)
        #expect(finding.sentence == 1)
        #expect((0...1).contains(finding.severity))
        #expect(!finding.message.isEmpty && (1...3).contains(finding.suggestions.count))
    }

    @Test func statisticsFollowAlMosaiwiAndJohnstone() {
        let statistics = Self.analyzer.analyze("Everything is always completely fine, 100 percent.").statistics
        #expect(statistics.words == 7)
        #expect(statistics.absolutistWords == 3)
        #expect(statistics.absolutistIndex == 3.0 / 7.0)
        #expect(Set(statistics.categories.keys) == Set(Category.distortions))
    }

    @Test func emptyTextHasNoFindingsAndNoDivisionByZero() {
        let analysis = Self.analyzer.analyze("")
        #expect(analysis.findings.isEmpty)
        #expect(analysis.statistics.words == 0 && analysis.statistics.absolutistIndex == 0)
    }

    @Test func bytesAndStringsGiveTheSameAnalysis() {
        let text = "Nobody ever listens to me. 😀 I should have known better."
        #expect(Self.analyzer.analyze(text) == Self.analyzer.analyze(utf8: Array(text.utf8)))
    }

    @Test func invalidUTF8IsAnalysedAroundTheBadBytes() throws {
        let bytes: [UInt8] = [0xFF] + Array(" I always ruin everything.".utf8)
        let finding = try #require(Self.analyzer.analyze(utf8: bytes).findings.first { $0.match == "always" })
        #expect(finding.utf8Range == 4..<10)
        #expect(finding.unicodeScalarRange == 4..<10)
    }

    @Test func oneAnalyzerIsSharedSafelyBetweenTasks() async {
        let texts = (0..<200).map { "Entry \($0): I always ruin everything, nobody ever listens." }
        let expected = texts.map { Self.analyzer.analyze($0) }
        let results = await withTaskGroup(of: (Int, Analysis).self) { group in
            for (index, text) in texts.enumerated() {
                group.addTask { (index, Self.analyzer.analyze(text)) }
            }
            var results = [Analysis?](repeating: nil, count: texts.count)
            for await (index, analysis) in group { results[index] = analysis }
            return results
        }
        #expect(results == expected)
    }

    @Test func minimumSeverityLeavesOutWeakerFindings() throws {
        let all = try Analyzer(configuration: .init(minimumSeverity: 0))
        let strict = try Analyzer(configuration: .init(minimumSeverity: 1.01))
        #expect(!all.analyze("I always ruin everything.").findings.isEmpty)
        #expect(strict.analyze("I always ruin everything.").findings.isEmpty)
    }
}
