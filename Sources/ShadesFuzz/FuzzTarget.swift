import Shades
import ShadesFilter

/// The code under fuzzing, one function per target: each must survive any bytes.
enum FuzzTarget: String, CaseIterable {
    /// The analyzer on arbitrary bytes (invalid UTF-8, NUL, any script).
    case analyzer
    /// The lexicon parser and compiler on arbitrary lexicon source.
    case lexicon
    /// The filter's JSON Lines path: each line parsed, analysed and written back as JSON.
    case jsonl
    /// The common-text word and sentence breaker against ICU's (differential): text it reads
    /// must get ICU's boundaries exactly.
    case breaks

    private static let sharedAnalyzer = try! Analyzer()
    private static let pipeline = RecordPipeline(
        analyzer: sharedAnalyzer, input: .jsonl, textField: "text", formatter: OutputFormat.jsonl.makeFormatter(colored: false),
        onlyFlagged: false)

    func run(_ bytes: UnsafeBufferPointer<UInt8>) {
        switch self {
        case .analyzer:
            let analysis = Self.sharedAnalyzer.analyze(utf8: bytes)
            for finding in analysis.findings {
                precondition(finding.utf8Range.upperBound <= bytes.count, "a finding points past the text")
                precondition(finding.unicodeScalarRange.lowerBound <= finding.unicodeScalarRange.upperBound)
            }
        case .lexicon:
            let source = String(decoding: bytes, as: UTF8.self)
            // On its own (not beside the built-in lexicons), so each input compiles quickly.
            guard let lexicon = try? Lexicon(source: source, name: "fuzz.shades"),
                  let analyzer = try? Analyzer(lexicons: [lexicon]) else { return }
            _ = analyzer.analyze("I always ruin everything, and nobody ever listens. I should have known.")
        case .jsonl:
            var number = 0
            for line in bytes.split(separator: 0x0A, omittingEmptySubsequences: false) {
                number += 1
                let record = RecordReader.Record(bytes: Array(line), line: number, isContinued: false)
                let outcome = Self.pipeline.process(NumberedRecord(record: record, number: number), name: "fuzz", maxRecordBytes: 1 << 20)
                switch outcome {
                case .analysed(_, let output), .failed(_, let output):
                    precondition(output.last == 0x0A && output.dropLast().allSatisfy { $0 != 0x0A }, "a JSON record is not one line")
                }
            }
        case .breaks:
            if let difference = TextBreaks.difference(bytes) {
                preconditionFailure("\(difference) on \(Array(bytes))")
            }
        }
    }
}
