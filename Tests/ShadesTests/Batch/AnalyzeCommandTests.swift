import Foundation
import Testing

/// `shades analyze` through the built binary, on the bundled example exports and on broken ones.
@Suite struct AnalyzeCommandTests {
    static let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Examples").path

    private func jsonRows(_ result: ShadesProcess.Result) throws -> [[String: Any]] {
        try result.outputLines.map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
    }

    /// A folder holding `files` (name → contents).
    private func folder(_ files: [String: String]) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("shades-export-\(UUID().uuidString)")
        for (name, contents) in files {
            let url = folder.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(contents.utf8).write(to: url)
        }
        return folder.path
    }

    @Test func everyExampleFormatGivesOneRowPerEntry() throws {
        let result = try ShadesProcess.run(["analyze", "--format", "jsonl", Self.examples])
        #expect(result.status == 0, "\(result.errors)")
        let rows = try jsonRows(result)
        let bySource = Dictionary(grouping: rows) { ($0["source"] as! String).replacingOccurrences(of: Self.examples + "/", with: "") }
        let dayOne = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: Self.examples + "/dayone/Journal.json"))) as! [String: Any]
        #expect(bySource["dayone/Journal.json"]?.count == (dayOne["entries"] as! [Any]).count)
        let jsonLines = try String(contentsOfFile: Self.examples + "/entries.jsonl", encoding: .utf8).split(separator: "\n")
        #expect(bySource["entries.jsonl"]?.count == jsonLines.count)
        let csv = try String(contentsOfFile: Self.examples + "/entries.csv", encoding: .utf8)
        let csvRows = csv.components(separatedBy: "\r\ncsv-").count - 1
        #expect(bySource["entries.csv"]?.count == csvRows)
        #expect((bySource["dayone/Travel-export.zip:Travel.json"]?.count ?? 0) > 0)
        for folder in ["plain-text", "markdown"] {
            let files = try FileManager.default.contentsOfDirectory(atPath: Self.examples + "/" + folder)
            for file in files { #expect(bySource["\(folder)/\(file)"]?.count == 1, "\(folder)/\(file)") }
        }
        #expect(rows.allSatisfy { $0["error"] == nil && ($0["stats"] as? [String: Any])?["words"] as? Int ?? 0 > 0 })
    }

    @Test func datesComeFromEachFormatsOwnPlace() throws {
        let rows = try jsonRows(ShadesProcess.run(["analyze", "--format", "jsonl", Self.examples]))
        func date(ofID id: String) -> String? { rows.first { $0["id"] as? String == id }?["date"] as? String }
        func date(ofSource suffix: String) -> String? { rows.first { ($0["source"] as! String).hasSuffix(suffix) }?["date"] as? String }
        #expect(date(ofSource: "plain-text/2024-01-21.txt") == "2024-01-21")
        #expect(date(ofSource: "journal.txt") == "2024-12-16")  // from its first line
        #expect(date(ofSource: "markdown/weekly-review-10.md") == "2024-03-17")
        #expect(date(ofSource: "markdown/2024-03-11-work.md") == "2024-03-11")
        #expect(date(ofID: "jl-001") == "2024-07-03")
        #expect(date(ofID: "csv-001") == "2024-09-05")
        // 23:30 UTC on 31 May is already 1 June in the entry's own time zone, Europe/London.
        #expect(date(ofID: "0C1D2E3F405162738495A6B7C8D9E0F1") == "2024-06-01")
        let markdown = rows.first { ($0["source"] as! String).hasSuffix("2024-03-11-work.md") }
        #expect(markdown?["title"] as? String == "A hard Monday")
        #expect(markdown?["tags"] as? [String] == ["work"])
    }

    @Test func perEntryFiguresEqualTheFilters() throws {
        let rows = try jsonRows(ShadesProcess.run(["analyze", "--format", "jsonl", Self.examples + "/entries.jsonl"]))
        let filtered = try jsonRows(ShadesProcess.run(["--input", "jsonl", "--format", "jsonl", Self.examples + "/entries.jsonl"]))
        #expect(rows.count == filtered.count)
        for (row, record) in zip(rows, filtered) {
            #expect(row["id"] as? String == record["id"] as? String)
            #expect(NSDictionary(dictionary: row["stats"] as! [String: Any]).isEqual(to: record["stats"] as! [String: Any]))
            #expect(NSArray(array: row["findings"] as! [Any]).isEqual(to: record["findings"] as! [Any]))
        }
        // A whole plain text file is analysed as one text, exactly as the filter analyses it as one record.
        let path = Self.examples + "/plain-text/2024-01-08.txt"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let line = String(decoding: try JSONSerialization.data(withJSONObject: ["id": "x", "text": text]), as: UTF8.self)
        let record = try jsonRows(ShadesProcess.run(["--input", "jsonl", "--format", "jsonl"], input: Data((line + "\n").utf8)))[0]
        let row = try jsonRows(ShadesProcess.run(["analyze", "--format", "jsonl", path]))[0]
        #expect(NSDictionary(dictionary: row["stats"] as! [String: Any]).isEqual(to: record["stats"] as! [String: Any]))
    }

    @Test func standardInputIsReadAsJSONLinesOrTheNamedFormat() throws {
        let jsonl = try ShadesProcess.run(
            ["analyze", "--format", "jsonl", "-"], input: Data("{\"id\": \"a\", \"text\": \"I never win.\"}\n".utf8))
        #expect(jsonl.status == 0)
        #expect(try jsonRows(jsonl).map { $0["id"] as? String } == ["a"])
        let csv = try ShadesProcess.run(
            ["analyze", "--input-format", "csv", "--format", "jsonl", "-"], input: Data("id,text\nb,\"Nobody ever calls.\"\n".utf8))
        #expect(try jsonRows(csv).map { $0["id"] as? String } == ["b"])
    }

    @Test func csvRowsCarryTheFiltersFieldNames() throws {
        let result = try ShadesProcess.run(["analyze", Self.examples + "/entries.jsonl"])
        let lines = result.outputText.components(separatedBy: "\r\n")
        #expect(lines[0] == "id,date,source,words,absolutistWords,absolutistIndex,severity,all-or-nothing,overgeneralization,should,labeling,safety,findings,error")
        #expect(lines.count == 1 + 10 + 1)
        #expect(lines[1].hasPrefix("jl-001,2024-07-03,"))
    }

    @Test(arguments: ["=HYPERLINK(\"http://example.com\")", "+1", "-2+3", "@SUM(A1)", "\tx"])
    func csvFieldsThatASpreadsheetWouldRunAreMadeInert(id: String) throws {
        let input = try JSONSerialization.data(withJSONObject: ["id": id, "text": "I never win."]) + Data("\n".utf8)
        let result = try ShadesProcess.run(["analyze", "--format", "csv", "-"], input: input)
        let row = result.outputText.components(separatedBy: "\r\n")[1]
        let field = row.hasPrefix("\"") ? "\"'" + id.replacing("\"", with: "\"\"") + "\"," : "'" + id + ","
        #expect(row.hasPrefix(field))
    }

    @Test func codeBlocksInMarkdownAreNotAnalysed() throws {
        let folder = try folder([
            "2024-05-01.md": "---\ndate: 2024-05-02\n---\nA calm day.\n\n```\nI always ruin everything.\n```\n",
            "2024-05-03.md": "A calm day.\n\nI always ruin everything.\n",
        ])
        let rows = try jsonRows(ShadesProcess.run(["analyze", "--format", "jsonl", folder]))
        #expect(rows.map { $0["date"] as? String } == ["2024-05-02", "2024-05-03"])
        #expect((rows[0]["findings"] as! [Any]).isEmpty)
        #expect(!(rows[1]["findings"] as! [Any]).isEmpty)
    }

    @Test func theOrderOfRowsDoesNotDependOnTheNumberOfThreads() throws {
        let one = try ShadesProcess.run(["analyze", "--jobs", "1", "--format", "jsonl", Self.examples])
        let four = try ShadesProcess.run(["analyze", "--jobs", "4", "--format", "jsonl", Self.examples])
        #expect(one.status == 0)
        #expect(one.output == four.output)
    }

    @Test func theSummaryShowsTotalsTrendPhrasesAndTheMostSevere() throws {
        let result = try ShadesProcess.run(["analyze", "--summary", Self.examples + "/entries.jsonl", Self.examples + "/entries.csv"])
        #expect(result.status == 0)
        let text = result.outputText
        #expect(text.contains("Entries     22 read: 22 analysed"))
        #expect(text.contains("Trend by month"))
        for month in ["2024-07", "2024-08", "2024-09", "2024-12"] { #expect(text.contains("\n  \(month) ")) }
        #expect(text.contains("Most frequent phrases"))
        #expect(text.contains("Entries with the highest severity"))
        let weekly = try ShadesProcess.run(["analyze", "--summary", "--by", "week", Self.examples + "/entries.jsonl"])
        #expect(weekly.outputText.contains("Trend by week"))
        #expect(weekly.outputText.contains("2024-W27"))
    }

    @Test func theReportIsSelfContainedWithChartsAndHighlights() throws {
        let folder = try folder([
            "2024-01-05.txt": "I always ruin everything <script>alert(1)</script>.",
            "2024-02-05.txt": "Nobody ever listens & I should have known.",
            "2024-07-05.txt": "I have to do everything myself.",
        ])
        let report = folder + "/report.html"
        let result = try ShadesProcess.run(["analyze", "--report", report, folder])
        #expect(result.status == 0)
        #expect(result.output.isEmpty)
        let html = try String(contentsOfFile: report, encoding: .utf8)
        #expect(html.contains("Content-Security-Policy"))
        #expect(html.components(separatedBy: "<svg").count - 1 == 2)
        #expect(html.contains("<polyline"))
        #expect(html.contains(">2024-01<") && html.contains(">2024-07<"))
        // Months are placed on a time line: July is five months after February, a month after January.
        let circles = html.ranges(of: "<circle cx=\"").prefix(3).map { range in
            Double(html[range.upperBound...].prefix { $0 != "\"" })!
        }
        #expect(abs((circles[2] - circles[1]) - 5 * (circles[1] - circles[0])) < 0.5)
        #expect(html.contains("&lt;script&gt;") && !html.contains("<script"))
        #expect(html.contains("<mark tabindex=\"0\"") && html.contains("class=\"tip\""))
        #expect(html.contains("Perhaps:"))
        let external = html.ranges(of: "://").count - html.ranges(of: "http://www.w3.org/2000/svg").count
        #expect(external == 0)
    }

    @Test func badInputIsNamedCountedAndTheRestGoesOn() throws {
        let folder = try folder([
            "a-good.jsonl": "{\"id\": 1, \"date\": \"2024-01-02\", \"text\": \"I never get it right.\"}\n{\"id\": 2, \"text\": \"fine\"\n{\"id\": 3, \"date\": \"2023-02-30\", \"text\": \"x\"}\n{\"id\": 4, \"body\": \"no text member\"}\n",
            "b.csv": "id,text\n1,\"ok then\"\n2,too,many\n3,\"never closed\n",
            "c.json": "{\"entries\": [{\"uuid\": \"U1\", \"creationDate\": \"2024-01-01T10:00:00Z\", \"text\": \"Nothing ever works.\"}, {\"uuid\": \"U2\", \"creationDate\": \"2024-01-02T10:00:00Z\"}]}",
            "d.json": "{\"entries\": [",
            "e.md": "---\ntitle: never closed\nI always fail.",
            "f.txt": "   \n",
            "2024-02-31.txt": "An impossible day in the name.",
        ])
        let result = try ShadesProcess.run(["analyze", "--format", "jsonl", "--summary", folder, folder + "/missing.txt"])
        #expect(result.status == 2)
        let rows = try jsonRows(result)
        let failed = rows.filter { $0["error"] != nil }
        let analysed = rows.filter { $0["error"] == nil }
        for expected in [
            "a-good.jsonl, line 2: invalid JSON", "a-good.jsonl, line 3: date: '2023-02-30' is an impossible date",
            "a-good.jsonl, line 4: the entry has no \"text\" field", "b.csv, line 3: the row has 3 fields, the header has 2",
            "b.csv, line 4: a quoted field is never closed", "c.json, entry 2: the entry has no text", "d.json: invalid JSON",
            "e.md, line 1: the front matter that starts here has no closing '---' line", "f.txt: the entry has no text",
            "2024-02-31.txt: the file name holds '2024-02-31', an impossible date", "missing.txt: cannot be read (No such file or directory)",
        ] {
            #expect(result.errors.contains(expected), "\(expected)")
            #expect(failed.contains { ($0["error"] as! String).contains(expected) }, "\(expected)")
        }
        #expect(failed.count == 11)
        #expect(analysed.count == 3)
        #expect(result.errors.contains("Entries     14 read: 3 analysed, 11 could not be read"))
        #expect(result.errors.contains("11 of 14 entries could not be read"))
    }

    @Test func failedEntriesAreCSVRowsWithEveryColumn() throws {
        let folder = try folder(["a.jsonl": "{\"id\": \"ok\", \"text\": \"I never win.\"}\nnot json\n"])
        let result = try ShadesProcess.run(["analyze", folder])
        #expect(result.status == 2)
        let lines = result.outputText.components(separatedBy: "\r\n").dropLast()
        #expect(lines.count == 3)
        let header = lines.first!.split(separator: ",", omittingEmptySubsequences: false)
        let failed = lines.last!
        #expect(failed.hasSuffix("a.jsonl, line 2: invalid JSON at byte 1: expected a JSON object ('{')\""))
        #expect(failed.split(separator: ",", omittingEmptySubsequences: false).count == header.count + 1)  // the message holds one comma
    }

    @Test func theOutputFileIsNeverAnInput() throws {
        let folder = try folder(["entries.csv": "id,text\n1,I never win.\n"])
        let result = try ShadesProcess.run(["analyze", folder + "/entries.csv", "-o", folder + "/entries.csv"])
        #expect(result.status == 2)
        #expect(result.errors.contains("the --output file is also an input"))
        #expect(try String(contentsOfFile: folder + "/entries.csv", encoding: .utf8) == "id,text\n1,I never win.\n")
    }

    @Test func foldersReachedAgainThroughLinksAreReadOnce() throws {
        let folder = try folder(["a/2024-01-01.txt": "I always fail."])
        try FileManager.default.createSymbolicLink(atPath: folder + "/a/self", withDestinationPath: ".")
        try FileManager.default.createSymbolicLink(atPath: folder + "/a/up", withDestinationPath: "..")
        let result = try ShadesProcess.run(["analyze", "--format", "jsonl", folder])
        #expect(result.status == 0)
        #expect(result.outputLines.count == 1)
        #expect(result.errors.contains("reached again through links"))
    }

    @Test func markdownWithCRLFLineEndsKeepsItsFrontMatter() throws {
        let folder = try folder(["note.md": "---\r\ndate: 2024-05-02\r\ntitle: CRLF\r\n---\r\nI always fail.\r\n```\r\nnever\r\n```\r\n"])
        let row = try jsonRows(ShadesProcess.run(["analyze", "--format", "jsonl", folder]))[0]
        #expect(row["date"] as? String == "2024-05-02")
        #expect(row["title"] as? String == "CRLF")
        #expect((row["stats"] as! [String: Any])["words"] as? Int == 3)
    }

    @Test func onlyJSONNumbersAreUnixTimes() throws {
        let input = """
            {"id": "a", "date": 1709596800, "text": "x"}
            {"id": "b", "date": 1709596800000, "text": "x"}
            {"id": "c", "date": "20240305", "text": "x"}
            {"id": "d", "date": 1e20, "text": "x"}

            """
        let result = try ShadesProcess.run(["analyze", "--format", "jsonl", "-"], input: Data(input.utf8))
        let rows = try jsonRows(result)
        #expect(rows[0]["date"] as? String == "2024-03-05")
        #expect(rows[1]["date"] as? String == "2024-03-05")
        #expect((rows[2]["error"] as? String)?.contains("'20240305' is not a date") == true)
        #expect((rows[3]["error"] as? String)?.contains("1e20 is not a Unix time") == true)
    }

    @Test func failFastStopsAtTheFirstFailure() throws {
        let folder = try folder([
            "a.jsonl": "{\"id\": 1, \"text\": \"I never get it right.\"}\nnot json\n{\"id\": 3, \"text\": \"Nobody ever calls.\"}\n",
        ])
        let result = try ShadesProcess.run(["analyze", "--fail-fast", "--format", "jsonl", folder])
        #expect(result.status == 2)
        #expect(result.outputLines.count == 2)
        #expect(result.errors.contains("stopped at the first failure"))
    }

    @Test func filesOtherThanExportsInFoldersAreNamedNotRead() throws {
        let folder = try folder([
            "2024-01-01.txt": "I always fail.", "photo.jpg": "JPEG", ".hidden.txt": "I never win.",
            "package.json": "{\"name\": \"site\"}",
        ])
        let result = try ShadesProcess.run(["analyze", "--format", "jsonl", folder])
        #expect(result.status == 0)
        #expect(result.outputLines.count == 1)
        #expect(result.errors.contains("1 files in the folders are not journal exports"))
        #expect(result.errors.contains("photo.jpg"))
        #expect(result.errors.contains("package.json is JSON without an \"entries\" array, so it is not a journal export"))
        // Named on the command line, the same file is an error.
        let named = try ShadesProcess.run(["analyze", "--format", "jsonl", folder + "/package.json"])
        #expect(named.status == 2)
        #expect(named.errors.contains("is not a Day One export"))
    }
}
