import Foundation
import Shades

/// What the parallel part of a run makes of one read: the analysis and the formatted row.
struct EntryOutcome {
    let analysed: AnalysedEntry?
    let row: [UInt8]
}

/// The state of one `shades analyze` run: where results go and what has been counted.
struct BatchRun {
    /// Thrown to stop at the first failure with --fail-fast.
    struct Stop: Error {}

    var summary: BatchSummary
    var report: ReportCollector?
    let rows: (format: EntryRowFormat, output: OutputStream)?
    let failFast: Bool
    let progress: ProgressBar
    private var finishedBytes = 0
    private var currentFileBytes = 0

    init(summary: BatchSummary, report: ReportCollector?, rows: (format: EntryRowFormat, output: OutputStream)?, failFast: Bool, progress: ProgressBar) {
        self.summary = summary
        self.report = report
        self.rows = rows
        self.failFast = failFast
        self.progress = progress
    }

    mutating func handle(_ read: EntryRead, _ outcome: EntryOutcome) throws {
        rows?.output.write(outcome.row)
        if let analysed = outcome.analysed {
            summary.add(analysed)
            report?.add(analysed)
            currentFileBytes += analysed.entry.text.utf8.count
        } else if case .failure(let failure) = read {
            summary.addFailure()
            progress.finish()
            Diagnostics.error(failure.description)
            if failFast { throw Stop() }
        } else if case .notAnExport(let path, let reason) = read {
            progress.finish()
            Diagnostics.note("\(path) \(reason), so it is not a journal export; it was passed over")
        }
        progress.update(entries: summary.entriesRead, bytes: finishedBytes + currentFileBytes)
    }

    mutating func finishFile(_ file: ExportFile) {
        finishedBytes += file.size
        currentFileBytes = 0
    }
}
