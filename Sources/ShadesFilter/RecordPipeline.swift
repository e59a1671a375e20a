package import Shades

/// How the filter reads a record: as text, or as a JSON object holding the text.
package enum RecordInputFormat: String, CaseIterable, Sendable {
    case text, jsonl
}

/// A record and its 1-based position among all records read.
package struct NumberedRecord {
    package let record: RecordReader.Record
    package let number: Int

    package init(record: RecordReader.Record, number: Int) {
        self.record = record
        self.number = number
    }
}

/// What became of one record: its analysis and formatted output (empty when it is not
/// printed), or the reason it could not be read and the error record to print.
package enum RecordOutcome {
    case analysed(Analysis, [UInt8])
    case failed(RecordError, [UInt8])
}

/// The work done for each record, on any thread: parse, analyse, format.
package struct RecordPipeline: Sendable {
    package let analyzer: Analyzer
    package let input: RecordInputFormat
    package let textField: String
    package let formatter: any RecordFormatter
    package let onlyFlagged: Bool

    package init(analyzer: Analyzer, input: RecordInputFormat, textField: String, formatter: any RecordFormatter, onlyFlagged: Bool) {
        self.analyzer = analyzer
        self.input = input
        self.textField = textField
        self.formatter = formatter
        self.onlyFlagged = onlyFlagged
    }

    package func process(_ numbered: NumberedRecord, name: String, maxRecordBytes: Int) -> RecordOutcome {
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
        let (line, parsed) = JSONObjectScanner.parseLine(record.bytes)
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
package struct RecordInput {
    /// 1-based position among all records read.
    package let number: Int
    /// The raw JSON of the input's id, if it had one.
    package let id: [UInt8]?
    /// Other members of a JSON input, written back unchanged.
    package let members: [JSONObjectScanner.Member]
    /// The whole input line (the members' raw values point into it).
    package let line: [UInt8]
    package let text: [UInt8]
}

/// A record that could not be analysed.
package struct RecordError: Error {
    package let number: Int
    package let id: [UInt8]?
    package let message: String
}

