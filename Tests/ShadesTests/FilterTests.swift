import Foundation
import PropertyBased
import Testing

/// The `shades` binary end to end.
@Suite struct FilterTests {
    private func records(_ result: ShadesProcess.Result) throws -> [[String: Any]] {
        try result.outputLines.map { line in
            try #require(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
    }

    @Test func jsonlOffsetsSliceTheTextAfterAnEmoji() throws {
        let result = try ShadesProcess.run(["--format", "jsonl"], input: Data("😀 I always ruin everything.\n".utf8))
        #expect(result.status == 0)
        let record = try #require(try records(result).first)
        let text = try #require(record["text"] as? String)
        let findings = try #require(record["findings"] as? [[String: Any]])
        let finding = try #require(findings.first { $0["category"] as? String == "overgeneralization" })
        let scalars = Array(text.unicodeScalars)
        let start = try #require(finding["start"] as? Int)
        let end = try #require(finding["end"] as? Int)
        #expect(String(String.UnicodeScalarView(scalars[start..<end])) == "always")
        let bytes = Array(text.utf8)
        let byteStart = try #require(finding["byteStart"] as? Int)
        let byteEnd = try #require(finding["byteEnd"] as? Int)
        #expect(String(decoding: bytes[byteStart..<byteEnd], as: UTF8.self) == "always")
        #expect(record["id"] as? Int == 1)
    }

    @Test func exitStatusIsOneWhenNothingIsFlagged() throws {
        let result = try ShadesProcess.run([], input: Data("The sky is blue.\n".utf8))
        #expect(result.status == 1)
        #expect(result.outputText == "The sky is blue.\n")
    }

    @Test func usageErrorsExitWithTwo() throws {
        let result = try ShadesProcess.run(["--format", "yaml"])
        #expect(result.status == 2)
        #expect(result.errors.contains("annotate"))
    }

    @Test func annotateMarksPhrasesWithoutColourOffATerminal() throws {
        let result = try ShadesProcess.run([], input: Data("I always ruin everything.\n".utf8))
        #expect(result.outputText.contains("[always]{overgeneralization}"))
        #expect(!result.outputText.contains("\u{1B}["))
    }

    @Test func tsvHasOneRowPerFinding() throws {
        let result = try ShadesProcess.run(["--format", "tsv"], input: Data("fine\nI always ruin everything.\n".utf8))
        let rows = result.outputLines.map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
        #expect(!rows.isEmpty && rows.allSatisfy { $0.count == 6 && $0[0] == "2" })
        #expect(rows.contains { $0[5] == "always" && $0[1] == "2" && $0[2] == "8" })
    }

    @Test func jsonlInputKeepsIdsAndOtherFieldsAndReportsMalformedLines() throws {
        let input = """
            {"id": "a-1", "text": "Nobody ever listens to me.", "mood": [1, 2]}
            {"id": 7, "text": 
            {"text": "The sky is blue."}

            {"id": "b", "body": "no text here"}

            """
        let result = try ShadesProcess.run(["--input", "jsonl", "--format", "jsonl"], input: Data(input.utf8))
        #expect(result.status == 2)
        let output = try records(result)
        #expect(output.count == 5)
        #expect(output[0]["id"] as? String == "a-1")
        #expect((output[0]["mood"] as? [Int]) == [1, 2])
        #expect((output[0]["findings"] as? [Any])?.isEmpty == false)
        #expect(output[1]["error"] as? String != nil)
        #expect(output[2]["id"] as? Int == 3)
        #expect(output[3]["error"] as? String != nil)
        #expect(output[4]["id"] as? String == "b")
        #expect(result.errors.contains("(standard input):2: invalid JSON"))
        #expect(result.errors.contains("(standard input):5: the object has no \"text\" member"))
    }

    @Test func outputLinesSurviveEveryLineSplittingReader() throws {
        // CR between JSON tokens, and U+0085 / U+2028 / U+2029 inside strings, would make
        // Python's splitlines() (which score.py uses) see extra lines.
        let input = "{\"id\": \"a\",\r \"note\": \"x\u{2028}y\", \"text\": \"I always\u{0085}fail\u{2029}.\"}\nplain\u{2028}text\n"
        let jsonl = try ShadesProcess.run(["--input", "jsonl", "--format", "jsonl"], input: Data(input.utf8))
        let lines = jsonl.outputText.split(whereSeparator: \.isNewline)
        #expect(lines.count == 2, "two records, the second a JSON error for plain text")
        let first = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        #expect(first["note"] as? String == "x\u{2028}y")
        #expect(first["text"] as? String == "I always\u{0085}fail\u{2029}.")
        let text = try ShadesProcess.run(["--format", "jsonl"], input: Data("a\u{2028}b\n".utf8))
        #expect(text.outputText.split(whereSeparator: \.isNewline).count == 1)
    }

    @Test func strictStopsAtTheFirstMalformedLine() throws {
        let input = "{\"text\": \"a\"}\nnot json\n{\"text\": \"b\"}\n"
        let result = try ShadesProcess.run(["--input", "jsonl", "--format", "jsonl", "--strict"], input: Data(input.utf8))
        #expect(result.status == 2)
        #expect(result.outputLines.count == 2)
    }

    @Test func crlfMissingFinalNewlineAndEmptyLinesAreRecords() throws {
        let result = try ShadesProcess.run(["--format", "jsonl"], input: Data("one\r\n\r\ntwo".utf8))
        let output = try records(result)
        #expect(output.map { $0["text"] as? String } == ["one", "", "two"])
    }

    @Test func emptyInputGivesNoRecords() throws {
        let result = try ShadesProcess.run(["--format", "jsonl"])
        #expect(result.status == 1)
        #expect(result.output.isEmpty)
    }

    @Test func paragraphsAreBlankLineSeparatedRecords() throws {
        let input = "I always fail.\nAgain.\n\n\nThe sky is blue.\n"
        let output = try records(try ShadesProcess.run(["--format", "jsonl", "--paragraphs"], input: Data(input.utf8)))
        #expect(output.map { $0["text"] as? String } == ["I always fail.\nAgain.", "The sky is blue."])
    }

    @Test func overlongRecordsAreSplitWithAWarningAndNothingIsDropped() throws {
        let line = String(repeating: "word ", count: 100)
        let result = try ShadesProcess.run(["--format", "jsonl", "--max-record-bytes", "128"], input: Data((line + "\n").utf8))
        let output = try records(result)
        let texts = output.compactMap { $0["text"] as? String }
        #expect(texts.count == 4)
        #expect(texts.joined() == line)
        #expect(output.allSatisfy { $0["id"] as? Int == 1 }, "the parts keep the record's number")
        #expect(result.errors.contains("longer than 128 bytes"))
    }

    @Test func overlongJSONLinesAreOneErrorEachAndTheNextLinesGoOn() throws {
        let long = "{\"text\": \"" + String(repeating: "word ", count: 100) + "\"}"
        let input = long + "\n{\"text\": \"I always fail.\"}\n"
        let result = try ShadesProcess.run(
            ["--input", "jsonl", "--format", "jsonl", "--max-record-bytes", "128"], input: Data(input.utf8))
        let output = try records(result)
        #expect(output.count == 2)
        #expect(output[0]["error"] as? String != nil)
        #expect(output[1]["id"] as? Int == 2 && (output[1]["findings"] as? [Any])?.isEmpty == false)
        #expect(result.status == 2)
        #expect(result.errors.contains("(standard input):1: the line is longer than 128 bytes"))
    }

    @Test func overlongParagraphsAreCutBetweenLines() throws {
        let paragraph = (1...10).map { "Line \($0) of a long paragraph." }.joined(separator: "\n")
        let result = try ShadesProcess.run(
            ["--format", "jsonl", "--paragraphs", "--max-record-bytes", "100"], input: Data((paragraph + "\n").utf8))
        let output = try records(result)
        #expect(output.count > 1)
        #expect(output.compactMap { $0["text"] as? String }.joined(separator: "\n") == paragraph)
        #expect(output.allSatisfy { $0["id"] as? Int == 1 })
    }

    @Test func tenThousandMixedBadLinesGiveTenThousandRecords() throws {
        var input = Data()
        let pieces: [[UInt8]] = [
            Array("I always ruin everything.".utf8), [0xFF, 0xFE, 0x41], [0x41, 0x00, 0x42], Array("crlf\r".utf8), [],
            Array("😀 nobody ever listens".utf8), [0xE2, 0x80], Array(String(repeating: "x", count: 3000).utf8),
        ]
        for index in 0..<10_000 {
            input.append(contentsOf: pieces[index % pieces.count])
            if index < 9_999 { input.append(0x0A) }
        }
        let result = try ShadesProcess.run(["--format", "jsonl"], input: input)
        #expect(result.status == 0)
        let output = try records(result)
        #expect(output.count == 10_000)
        #expect(output.enumerated().allSatisfy { $0.element["id"] as? Int == $0.offset + 1 })
    }

    @Test(arguments: [["--format", "jsonl"], ["--format", "annotate"], ["--format", "tsv"], ["--input", "jsonl", "--format", "jsonl"]])
    func parallelOutputIsByteIdenticalToOneThread(options: [String]) throws {
        var lines: [String] = []
        for index in 0..<2_000 {
            let text = ["I always ruin everything.", "The sky is blue.", "Nobody ever listens to me, ever.", "I'm such a failure."][index % 4]
            lines.append(index % 97 == 0 ? "{broken" : "{\"id\": \(index), \"text\": \"\(text)\"}")
        }
        let input = Data((lines.joined(separator: "\n") + "\n").utf8)
        let one = try ShadesProcess.run(options + ["--jobs", "1"], input: input)
        let three = try ShadesProcess.run(options + ["--jobs", "3"], input: input)
        #expect(!one.output.isEmpty)
        #expect(one.output == three.output)
        #expect(one.status == three.status)
        #expect(one.errors == three.errors)
    }

    @Test func unreadableFilesAreReportedAndTheOthersGoOn() throws {
        let good = try ShadesProcess.temporaryFile("I always fail.\n")
        let result = try ShadesProcess.run(["--format", "jsonl", "/nonexistent/journal.txt", good])
        #expect(result.status == 2)
        #expect(result.errors.contains("/nonexistent/journal.txt: No such file or directory"))
        #expect(result.outputLines.count == 1)
    }

    @Test func aBrokenLexiconExitsWithTwoNamingTheFileAndLine() throws {
        let lexicon = try ShadesProcess.temporaryFile("rule x\n  category: nope\n", name: "broken.shades")
        let result = try ShadesProcess.run(["--lexicon", lexicon], input: Data("text\n".utf8))
        #expect(result.status == 2)
        #expect(result.errors.contains("broken.shades:2: unknown category 'nope'"))
    }

    @Test func disabledRulesDoNotFire() throws {
        let before = try records(try ShadesProcess.run(["--format", "jsonl"], input: Data("I always ruin everything.\n".utf8)))
        let rules = (before[0]["findings"] as? [[String: Any]] ?? []).compactMap { $0["rule"] as? String }
        #expect(!rules.isEmpty)
        let arguments = ["--format", "jsonl"] + rules.flatMap { ["--disable", $0] }
        let after = try records(try ShadesProcess.run(arguments, input: Data("I always ruin everything.\n".utf8)))
        let remaining = (after[0]["findings"] as? [[String: Any]] ?? []).compactMap { $0["rule"] as? String }
        #expect(Set(remaining).isDisjoint(with: rules))
    }

    @Test func aClosedStandardOutputEndsQuietly() throws {
        let input = try ShadesProcess.temporaryFile(String(repeating: "I always ruin everything.\n", count: 200_000))
        let errors = input + ".errors"
        let script = "'\(ShadesProcess.binary.path)' --format jsonl '\(input)' 2>'\(errors)' | head -n 1 >/dev/null; cat '\(errors)'"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", script]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let printed = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(printed.isEmpty, "nothing is printed on a broken pipe: \(printed)")
    }

    @Test func arbitraryBytesGiveOneJSONRecordPerLine() async throws {
        await propertyCheck(count: 25, input: Gen.uint8().array(of: 0...400)) { bytes in
            let result = try? ShadesProcess.run(["--format", "jsonl"], input: Data(bytes))
            let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
            let expected = bytes.last == 0x0A || bytes.isEmpty ? lines.count - 1 : lines.count
            #expect(result?.outputLines.count == expected)
            #expect(result.map { [0, 1].contains($0.status) } == true)
        }
    }
}
