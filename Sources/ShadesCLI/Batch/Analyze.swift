import ArgumentParser
import Foundation
import Shades

extension Shades {
    /// Batch analysis of journal exports: per-entry rows, a summary with trends, an HTML report.
    struct Analyze: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "analyze",
            abstract: "Analyse exported journal entries: per-entry figures, a summary with trends, an HTML report.",
            discussion: """
            Reads plain text (.txt), Markdown with front matter (.md), Day One exports (.json or \
            .zip), JSON Lines (.jsonl) and CSV (.csv) files, and folders of them recursively. \
            Per-entry rows go to standard output (or --output). With --summary or --report and no \
            --format, only those are written. Exit status: 0 when every entry was read, 2 when \
            anything could not be (each failure is named on standard error and counted).
            """
        )

        @Argument(help: ArgumentHelp("Export files or folders; '-' reads standard input (JSON Lines unless --input-format says otherwise).", valueName: "PATH"))
        var paths: [String]

        @Option(help: "How to read the files; auto chooses by extension and content.")
        var inputFormat: ExportFormat = .auto

        @Option(help: ArgumentHelp("JSON Lines and CSV: the member or column holding the text.", valueName: "NAME"))
        var textField = "text"

        @Option(help: ArgumentHelp("JSON Lines and CSV: the member or column holding the date.", valueName: "NAME"))
        var dateField = "date"

        @Option(help: ArgumentHelp("JSON Lines and CSV: the member or column holding the id.", valueName: "NAME"))
        var idField = "id"

        @Option(help: "Per-entry rows: csv (default) or jsonl.")
        var format: EntryRowFormat?

        @Option(name: .shortAndLong, help: ArgumentHelp("Write the per-entry rows to this file.", valueName: "FILE"))
        var output: String?

        @Flag(help: "Print a summary: totals, rates per 1,000 words, the trend, frequent phrases, the most severe entries.")
        var summary = false

        @Option(help: "The period of the trend in the summary and the report.")
        var by: TrendPeriod = .month

        @Option(help: ArgumentHelp("Write a self-contained HTML report with trend charts.", valueName: "FILE"))
        var report: String?

        @Option(help: ArgumentHelp("Show at most this many entries (the most severe) in the report.", valueName: "N"))
        var reportEntries = 200

        @Option(help: ArgumentHelp("Analyse on this many threads (the default is the number of cores); rows keep the read order.", valueName: "N"))
        var jobs = ProcessInfo.processInfo.activeProcessorCount

        @Flag(help: "Stop at the first entry or file that cannot be read.")
        var failFast = false

        @Option(help: ArgumentHelp("Larger entries and single-file exports are reported as failures.", valueName: "BYTES"))
        var maxEntryBytes = 16 << 20

        @Flag(inversion: .prefixedNo, help: "Show a progress bar on standard error (default: when it is a terminal).")
        var progress: Bool?

        @OptionGroup var analyzerOptions: AnalyzerOptions

        func validate() throws {
            guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
            guard reportEntries >= 0 else { throw ValidationError("--report-entries cannot be negative") }
            guard maxEntryBytes >= 64 else { throw ValidationError("--max-entry-bytes must be at least 64") }
        }

        func run() throws {
            let analyzer = try analyzerOptions.makeAnalyzer()
            let discovery = ExportDiscovery(paths: paths, format: inputFormat, output: output)
            if let input = discovery.outputAmongInputs {
                Diagnostics.error("\(input): the --output file is also an input, and writing would erase it before it is read; write the rows somewhere else")
                throw ExitCode(2)
            }
            let rowsToStandardOutput = output == nil && (format != nil || (!summary && report == nil))
            let rows = try makeRowWriter(toStandardOutput: rowsToStandardOutput)
            let options = ReadOptions(textField: textField, dateField: dateField, idField: idField, maxEntryBytes: maxEntryBytes)
            var batch = BatchRun(
                summary: BatchSummary(period: by), report: report.map { _ in ReportCollector(limit: reportEntries) },
                rows: rows, failFast: failFast,
                progress: ProgressBar(totalBytes: discovery.files.reduce(0) { $0 + $1.size },
                                      isEnabled: progress ?? (isatty(STDERR_FILENO) == 1)))
            if !discovery.repeatedFolders.isEmpty {
                Diagnostics.note("\(discovery.repeatedFolders.count) folders were reached again through links and read only once (\(discovery.repeatedFolders.prefix(3).joined(separator: ", ")))")
            }
            if !discovery.ignored.isEmpty {
                let example = discovery.ignored.prefix(3).joined(separator: ", ")
                Diagnostics.note("\(discovery.ignored.count) files in the folders are not journal exports by their extension and were not read (\(example)\(discovery.ignored.count > 3 ? ", …" : "")); name a file, or use --input-format, to read it")
            }
            let formatter = rows.map { EntryRowFormatter(format: $0.format) }
            do {
                let parallel = OrderedParallelMap<EntryRead, EntryOutcome>(jobs: jobs) { read in
                    if case .entry(let entry) = read { entry.text.utf8.count } else { 0 }
                } transform: { read in
                    switch read {
                    case .entry(let entry):
                        let analysed = AnalysedEntry(entry: entry, analysis: analyzer.analyze(entry.text))
                        return EntryOutcome(analysed: analysed, row: formatter?.row(analysed) ?? [])
                    case .failure(let failure):
                        return EntryOutcome(analysed: nil, row: formatter?.row(failure) ?? [])
                    case .notAnExport:
                        return EntryOutcome(analysed: nil, row: [])
                    }
                } handle: { read, outcome in
                    try batch.handle(read, outcome)
                }
                for failure in discovery.failures { try parallel.add(.failure(failure)) }
                for file in discovery.files {
                    try Self.reader(for: file.format, options: options).read(file) { read in try parallel.add(read) }
                    try parallel.flush()
                    batch.finishFile(file)
                }
            } catch is BatchRun.Stop {
                batch.progress.finish()
                rows?.output.flush()
                Diagnostics.error("stopped at the first failure (--fail-fast)")
                throw ExitCode(2)
            }
            batch.progress.finish()
            rows?.output.flush()
            if let report, let collector = batch.report {
                try writeReport(collector, summary: batch.summary, to: report)
            }
            if summary {
                let table = batch.summary.table()
                if rowsToStandardOutput {
                    FileHandle.standardError.write(Data(("\n" + table).utf8))
                } else {
                    FileHandle.standardOutput.write(Data(table.utf8))
                }
            }
            if batch.summary.entriesFailed > 0 {
                let failed = batch.summary.entriesFailed, read = batch.summary.entriesRead
                Diagnostics.error(failed == read
                    ? "no entry could be read (\(read) tried)"
                    : "\(failed) of \(read) entries could not be read; the other \(read - failed) were analysed")
                throw ExitCode(2)
            }
        }

        private func makeRowWriter(toStandardOutput: Bool) throws -> (format: EntryRowFormat, output: OutputStream)? {
            let descriptor: Int32
            if let output {
                descriptor = open(output, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
                guard descriptor >= 0 else {
                    Diagnostics.error("\(output): cannot be written (\(String(cString: strerror(errno))))")
                    throw ExitCode(2)
                }
            } else if toStandardOutput {
                descriptor = STDOUT_FILENO
            } else {
                return nil
            }
            let rows = (format: format ?? .csv, output: OutputStream(descriptor: descriptor, lineBuffered: false))
            rows.output.write(EntryRowFormatter(format: rows.format).header)
            return rows
        }

        private func writeReport(_ collector: ReportCollector, summary: BatchSummary, to path: String) throws {
            let html = ReportDocument(summary: summary, entries: collector.entries, shownLimit: reportEntries).html()
            do {
                try Data(html.utf8).write(to: URL(fileURLWithPath: path))
            } catch {
                Diagnostics.error("\(path): the report cannot be written (\(error.localizedDescription))")
                throw ExitCode(2)
            }
        }

        static func reader(for format: ExportFormat, options: ReadOptions) -> any EntryReader {
            switch format {
            case .txt, .auto: TextFileReader(options: options)
            case .md: MarkdownFileReader(options: options)
            case .dayone: DayOneReader(options: options)
            case .jsonl: JSONLinesEntryReader(options: options)
            case .csv: CSVEntryReader(options: options)
            }
        }
    }
}
