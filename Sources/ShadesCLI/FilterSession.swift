import ArgumentParser
import Foundation
import Shades
import ShadesFilter

/// The record loop of the filter: reads records in order, has them prepared, analysed and
/// formatted on `jobs` threads, writes them in input order, and keeps the totals.
struct FilterSession {
    let pipeline: RecordPipeline
    let output: OutputStream
    let strict: Bool
    let jobs: Int
    var totals = Totals()

    mutating func process(_ reader: RecordReader, name: String, maxRecordBytes: Int) throws {
        var totals = self.totals
        defer { self.totals = totals }
        let output = self.output
        let strict = self.strict
        let pipeline = self.pipeline
        // Line-buffered output goes record by record, so a slow producer is answered at once.
        let parallel = OrderedParallelMap<NumberedRecord, RecordOutcome>(
            jobs: jobs, batchItems: output.isLineBuffered ? 1 : 1024, weight: { $0.record.bytes.count },
            transform: { pipeline.process($0, name: name, maxRecordBytes: maxRecordBytes) }
        ) { _, outcome in
            switch outcome {
            case .failed(let error, let bytes):
                totals.errors += 1
                Diagnostics.error(error.message)
                output.write(bytes)
                output.endRecord()
                if strict {
                    output.flush()
                    throw ExitCode(2)
                }
            case .analysed(let analysis, let bytes):
                totals.add(analysis)
                if !bytes.isEmpty {
                    output.write(bytes)
                    output.endRecord()
                }
            }
        }
        while true {
            let record: RecordReader.Record?
            do {
                record = try reader.next { line in
                    Diagnostics.warning("\(name):\(line): a record is longer than \(maxRecordBytes) bytes; it is split at a word boundary and analysed in parts")
                }
            } catch {
                try parallel.flush()
                Diagnostics.error("\(name): cannot be read (\(error.message))")
                totals.errors += 1
                return
            }
            guard let record else { break }
            // The parts of a split record share its number (and so its id).
            if !record.isContinued { totals.records += 1 }
            try parallel.add(NumberedRecord(record: record, number: totals.records))
        }
        try parallel.flush()
    }
}

/// Counts for `--summary` and the exit status.
struct Totals {
    var records = 0
    var flaggedRecords = 0
    var errors = 0
    var words = 0
    var absolutistWords = 0
    var categories: [Category: Int] = [:]

    mutating func add(_ analysis: Analysis) {
        if analysis.isFlagged { flaggedRecords += 1 }
        words += analysis.statistics.words
        absolutistWords += analysis.statistics.absolutistWords
        for finding in analysis.findings { categories[finding.category, default: 0] += 1 }
    }

    func print() {
        let index = words == 0 ? 0 : Double(absolutistWords) / Double(words)
        var text = "\(records) records, \(flaggedRecords) with findings, \(errors) errors; "
        text += "\(words) words, \(absolutistWords) absolutist words (index \(String(format: "%.4f", index)))\n"
        text += Category.allCases.map { "  \($0.rawValue): \(categories[$0] ?? 0)" }.joined(separator: "\n")
        FileHandle.standardError.write(Data(("summary: " + text + "\n").utf8))
    }
}
