import Shades

/// One row per finding: record, start, end, category, rule, match (tabs and newlines in the
/// match written as \t and \n).
struct TSVFormatter: RecordFormatter {
    func write(_ input: RecordInput, _ analysis: Analysis, to output: OutputStream) {
        for finding in analysis.findings {
            let match = finding.match.replacing("\\", with: "\\\\").replacing("\t", with: "\\t")
                .replacing("\n", with: "\\n").replacing("\r", with: "\\r")
            let fields = [
                String(input.number), String(finding.unicodeScalarRange.lowerBound),
                String(finding.unicodeScalarRange.upperBound), finding.category.rawValue, finding.rule, match,
            ]
            output.write(fields.joined(separator: "\t") + "\n")
        }
    }

    func writeError(_ error: RecordError, to output: OutputStream) {}
}
