package import Shades

/// The filter's output formats.
package enum OutputFormat: String, CaseIterable, Sendable {
    case annotate, jsonl, tsv

    package func makeFormatter(colored: Bool) -> any RecordFormatter {
        switch self {
        case .annotate: AnnotateFormatter(colored: colored)
        case .jsonl: JSONLFormatter()
        case .tsv: TSVFormatter()
        }
    }
}

/// Formats one record's result (on any thread: the filter formats records in parallel).
package protocol RecordFormatter: Sendable {
    func format(_ input: RecordInput, _ analysis: Analysis) -> [UInt8]
    func formatError(_ error: RecordError) -> [UInt8]
}

