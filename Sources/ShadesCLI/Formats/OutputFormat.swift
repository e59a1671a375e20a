import ArgumentParser
import Shades

/// The filter's output formats.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case annotate, jsonl, tsv

    func makeFormatter(colored: Bool) -> any RecordFormatter {
        switch self {
        case .annotate: AnnotateFormatter(colored: colored)
        case .jsonl: JSONLFormatter()
        case .tsv: TSVFormatter()
        }
    }
}

/// Writes one record's result.
protocol RecordFormatter {
    func write(_ input: RecordInput, _ analysis: Analysis, to output: OutputStream)
    func writeError(_ error: RecordError, to output: OutputStream)
}

