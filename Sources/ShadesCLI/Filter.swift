import ArgumentParser
import Foundation
import Shades
import ShadesFilter

extension Shades {
    /// The streaming filter: records in, annotated or structured results out, in input order.
    struct Filter: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "filter",
            abstract: "Analyse FILEs or standard input record by record (the default command)."
        )

        @Argument(help: ArgumentHelp("Files to read; none or '-' reads standard input.", valueName: "FILE"))
        var files: [String] = []

        @Option(help: "How records are read: text lines (or paragraphs), or JSON Lines objects.")
        var input: RecordInputFormat = .text

        @Option(help: ArgumentHelp("With --input jsonl, the member holding the text.", valueName: "NAME"))
        var textField = "text"

        @Option(help: "annotate: the text with flagged phrases marked and a gentle note each; jsonl: one JSON object per record; tsv: one row per finding.")
        var format: OutputFormat = .annotate

        @Flag(help: "A record is a blank-line-separated paragraph instead of a line.")
        var paragraphs = false

        @Flag(help: "Print only records with findings (annotate and jsonl).")
        var onlyFlagged = false

        @Flag(help: "Print totals to standard error at the end.")
        var summary = false

        @Flag(help: "Write each record's output as soon as it is ready (the default on a terminal).")
        var lineBuffered = false

        @Option(help: ArgumentHelp("Analyse on this many threads (the default is the number of cores); the output keeps the input order.", valueName: "N"))
        var jobs = ProcessInfo.processInfo.activeProcessorCount

        @Flag(help: "Stop with status 2 at the first malformed record instead of reporting it and going on.")
        var strict = false

        @Option(help: ArgumentHelp("Split longer records at a word boundary (with a warning).", valueName: "BYTES"))
        var maxRecordBytes = 1 << 20

        @OptionGroup var analyzerOptions: AnalyzerOptions

        func validate() throws {
            guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
            guard maxRecordBytes >= 64 else { throw ValidationError("--max-record-bytes must be at least 64") }
            if input == .text && textField != "text" {
                throw ValidationError("--text-field applies to --input jsonl")
            }
        }

        func run() throws {
            let analyzer = try analyzerOptions.makeAnalyzer()
            let output = OutputStream(lineBuffered: lineBuffered || isatty(STDOUT_FILENO) == 1)
            let colored = format == .annotate && isatty(STDOUT_FILENO) == 1
                && ProcessInfo.processInfo.environment["NO_COLOR"].map(\.isEmpty) ?? true
            let pipeline = RecordPipeline(
                analyzer: analyzer, input: input, textField: textField,
                formatter: format.makeFormatter(colored: colored), onlyFlagged: onlyFlagged)
            var session = FilterSession(pipeline: pipeline, output: output, strict: strict, jobs: jobs)
            for path in files.isEmpty ? ["-"] : files {
                let descriptor = path == "-" ? STDIN_FILENO : open(path, O_RDONLY)
                guard descriptor >= 0 else {
                    Diagnostics.error("\(path): \(String(cString: strerror(errno)))")
                    session.totals.errors += 1
                    continue
                }
                defer { if descriptor != STDIN_FILENO { close(descriptor) } }
                let name = path == "-" ? "(standard input)" : path
                let reader = RecordReader(
                    descriptor: descriptor, mode: paragraphs ? .paragraphs : .lines, maxRecordBytes: maxRecordBytes,
                    overlong: input == .jsonl ? .skip : .split)
                try session.process(reader, name: name, maxRecordBytes: maxRecordBytes)
            }
            output.flush()
            if summary { session.totals.print() }
            if session.totals.errors > 0 { throw ExitCode(2) }
            if session.totals.flaggedRecords == 0 { throw ExitCode(1) }
        }
    }
}

extension RecordInputFormat: ExpressibleByArgument {}

extension OutputFormat: ExpressibleByArgument {}
