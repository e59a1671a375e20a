import ArgumentParser
import Foundation
import Shades

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

/// A record and its 1-based position among all records read.
struct NumberedRecord {
    let record: RecordReader.Record
    let number: Int
}

/// What became of one record: its analysis and formatted output (empty when it is not
/// printed), or the reason it could not be read and the error record to print.
enum RecordOutcome {
    case analysed(Analysis, [UInt8])
    case failed(RecordError, [UInt8])
}

/// The work done for each record, on any thread: parse, analyse, format.
struct RecordPipeline: Sendable {
    let analyzer: Analyzer
    let input: Shades.Filter.InputFormat
    let textField: String
    let formatter: any RecordFormatter
    let onlyFlagged: Bool

    func process(_ numbered: NumberedRecord, name: String, maxRecordBytes: Int) -> RecordOutcome {
        switch prepare(numbered.record, number: numbered.number, name: name, maxRecordBytes: maxRecordBytes) {
        case .failure(let error):
            return .failed(error, formatter.formatError(error))
        case .success(let input):
            let analysis = analyzer.analyze(utf8: input.text)
            let printed = !onlyFlagged || analysis.isFlagged
            return .analysed(analysis, printed ? formatter.format(input, analysis) : [])
        }
    }

    private func prepare(_ record: RecordReader.Record, number: Int, name: String, maxRecordBytes: Int) -> Result<RecordInput, RecordError> {
        if record.isOverlong {
            return .failure(RecordError(
                number: number, id: nil,
                message: "\(name):\(record.line): the line is longer than \(maxRecordBytes) bytes (--max-record-bytes); it was not analysed"))
        }
        guard input == .jsonl else {
            return .success(RecordInput(number: number, id: nil, members: [], line: record.bytes, text: record.bytes))
        }
        // Invalid UTF-8 in a JSON line is read as U+FFFD, so what is written back stays valid.
        var line = record.bytes
        if String(validating: line, as: UTF8.self) == nil {
            line = Array(String(decoding: line, as: UTF8.self).utf8)
        }
        let parsed = line.withUnsafeBufferPointer { bytes in
            Result { () throws(JSONObjectScanner.Failure) in try JSONObjectScanner.members(of: bytes) }
        }
        switch parsed {
        case .success(let members):
            let id = members.first { $0.key == "id" }
            guard let textMember = members.first(where: { $0.key == textField }) else {
                return .failure(RecordError(
                    number: number, id: id.map { Array(line[$0.rawValue]) },
                    message: "\(name):\(record.line): the object has no \"\(textField)\" member"))
            }
            guard let text = textMember.string else {
                return .failure(RecordError(
                    number: number, id: id.map { Array(line[$0.rawValue]) },
                    message: "\(name):\(record.line): the \"\(textField)\" member is not a string"))
            }
            return .success(RecordInput(
                number: number, id: id.map { Array(line[$0.rawValue]) },
                members: members.filter { !["id", "text", "findings", "stats", "error"].contains($0.key) && $0.key != textField },
                line: line, text: Array(text.utf8)))
        case .failure(let error):
            return .failure(RecordError(
                number: number, id: nil,
                message: "\(name):\(record.line): invalid JSON at byte \(error.offset + 1): \(error.message)"))
        }
    }
}

/// One record ready for analysis.
struct RecordInput {
    /// 1-based position among all records read.
    let number: Int
    /// The raw JSON of the input's id, if it had one.
    let id: [UInt8]?
    /// Other members of a JSON input, written back unchanged.
    let members: [JSONObjectScanner.Member]
    /// The whole input line (the members' raw values point into it).
    let line: [UInt8]
    let text: [UInt8]
}

/// A record that could not be analysed.
struct RecordError: Error {
    let number: Int
    let id: [UInt8]?
    let message: String
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
