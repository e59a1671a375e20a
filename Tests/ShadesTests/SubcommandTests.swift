import Foundation
import Testing

/// `shades explain`, `shades evaluate` and the config file, through the built binary.
@Suite struct SubcommandTests {
    @Test func explainNamesTheRulePatternModifiersAndSeverity() throws {
        let result = try ShadesProcess.run(["explain", "Nobody EVER listens to me."])
        #expect(result.status == 0)
        #expect(result.outputText.contains("rule "))
        #expect(result.outputText.contains("pattern "))
        #expect(result.outputText.contains("modifier   emphasized"))
        #expect(result.outputText.contains("severity   base "))
    }

    @Test func explainSaysWhenNothingWasFlagged() throws {
        let result = try ShadesProcess.run(["explain", "The sky is blue."])
        #expect(result.outputText.hasPrefix("Nothing was flagged."))
    }

    @Test func explainListsWhatWasSetAsideAndWhy() throws {
        let result = try ShadesProcess.run(["explain", "--no-config", "--allow", "always late", "I'm always late."])
        #expect(result.status == 0)
        #expect(result.outputText.hasPrefix("Nothing was flagged."))
        #expect(result.outputText.contains("Set aside (matched by a rule, then left out):"))
        #expect(result.outputText.contains("why        the allowed phrase “always late” covers it"))
    }

    @Test func explainWritesJSONWithTheSetAsideMatches() throws {
        let result = try ShadesProcess.run(["explain", "--json", "--no-config", "--allow", "always late", "I'm always late. I always ruin everything."])
        #expect(result.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.outputText.utf8)) as? [String: Any])
        #expect(object["text"] as? String == "I'm always late. I always ruin everything.")
        let findings = try #require(object["findings"] as? [[String: Any]])
        #expect(!findings.isEmpty)
        #expect(findings.allSatisfy { ($0["sentence"] as? Int) == 1 })
        let setAside = try #require(object["setAside"] as? [[String: Any]])
        let allowed = try #require(setAside.first { ($0["reason"] as? [String: Any])?["kind"] as? String == "allowedPhrase" })
        #expect(allowed["match"] as? String == "always")
        #expect((allowed["reason"] as? [String: Any])?["words"] as? String == "always late")
        #expect((allowed["explanation"] as? String)?.contains("always late") == true)
        #expect(object["stats"] is [String: Any])
    }

    /// Labelled items written for this test (not the evaluation data).
    private static let labelled = """
        {"id": "a", "source": "one", "text": "I always ruin everything.", "labels": ["overgeneralization"]}
        {"id": "b", "source": "one", "text": "I should have called her.", "labels": ["should"]}
        {"id": "c", "source": "one", "text": "The sky is blue.", "labels": []}
        {"id": "d", "source": "two", "text": "Nobody ever listens to me.", "labels": ["overgeneralization", "labeling"]}
        {"id": "e", "source": "two", "text": "I'm such an idiot.", "labels": ["labeling"]}
        {"id": "f", "source": "two", "text": "It was a complete waste of time.", "labels": []}
        {"id": "g", "source": "two", "text": "I went for a walk.", "labels": ["all-or-nothing"]}

        """

    @Test func evaluateEqualsTheSharedScorer() throws {
        let scorer = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../../shared/eval/score.py").standardized
        try #require(FileManager.default.fileExists(atPath: scorer.path), "shared/eval/score.py sits beside the checkout")
        let items = try ShadesProcess.temporaryFile(Self.labelled, name: "labelled.jsonl")
        let ours = try ShadesProcess.run(["evaluate", "--json", items])
        #expect(ours.status == 0, "\(ours.errors)")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", scorer.path, items, "--json", "--cmd", "'\(ShadesProcess.binary.path)' --input jsonl --format jsonl"]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let theirsData = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let theirs = try #require(try JSONSerialization.jsonObject(with: theirsData) as? [String: Any])
        let mine = try #require(try JSONSerialization.jsonObject(with: ours.output) as? [String: Any])
        for group in ["one", "two", "all"] {
            let expected = try #require(theirs[group] as? NSDictionary)
            let actual = try #require(mine[group] as? NSDictionary)
            #expect(actual == expected, "\(group)")
        }
        #expect((mine["rules"] as? [Any])?.isEmpty == false)
    }

    @Test func evaluateNamesTheLineOfABadItem() throws {
        let items = try ShadesProcess.temporaryFile("{\"id\": 1, \"text\": \"x\", \"labels\": []}\n{\"id\": 2}\n", name: "bad.jsonl")
        let result = try ShadesProcess.run(["evaluate", items])
        #expect(result.status == 2)
        #expect(result.errors.contains("bad.jsonl:2: the item has no \"text\" string"))
    }

    @Test func theConfigFileAllowsPhrasesAndDisablesRules() throws {
        let text = Data("Nobody ever calls me back.\n".utf8)
        let before = try ShadesProcess.run(["--format", "tsv", "--no-config"], input: text)
        try #require(before.status == 0, "the sentence is flagged without a config")
        let config = try ShadesProcess.temporaryFile("# a nurse's settings\nallow = [\"nobody ever calls\"]  # my phone is off\n", name: ".shades.toml")
        let folder = URL(fileURLWithPath: config).deletingLastPathComponent().path
        let process = try ShadesProcess.run(["--format", "tsv", "--config", config], input: text)
        #expect(process.status == 1)
        let nested = folder + "/deeper/still"
        try FileManager.default.createDirectory(atPath: nested, withIntermediateDirectories: true)
        let found = try ShadesProcess.run(["--format", "tsv"], input: text, directory: nested)
        #expect(found.status == 1, "the nearest .shades.toml in a parent folder applies")
    }

    @Test(arguments: ["\n", "\r\n"]) func aBrokenConfigFileNamesTheLine(lineEnd: String) throws {
        let config = try ShadesProcess.temporaryFile("min-severity = 0.2\(lineEnd)saftey = true\(lineEnd)", name: ".shades.toml")
        let result = try ShadesProcess.run(["--config", config], input: Data("x\n".utf8))
        #expect(result.status == 2)
        #expect(result.errors.contains(".shades.toml:2: unknown setting 'saftey'"))
    }

    @Test func flagsOverrideTheConfigFile() throws {
        let config = try ShadesProcess.temporaryFile("min-severity = 1.0\n", name: ".shades.toml")
        let text = Data("I always ruin everything.\n".utf8)
        #expect(try ShadesProcess.run(["--config", config], input: text).status == 1)
        #expect(try ShadesProcess.run(["--config", config, "--min-severity", "0"], input: text).status == 0)
    }
}
