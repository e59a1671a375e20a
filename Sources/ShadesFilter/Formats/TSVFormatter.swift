package import Shades

/// One row per finding: record, start, end, category, rule, match (tabs and newlines in the
/// match written as \t and \n).
package struct TSVFormatter: RecordFormatter {
    package func format(_ input: RecordInput, _ analysis: Analysis) -> [UInt8] {
        var rows = ""
        for finding in analysis.findings {
            let match = finding.match.replacing("\\", with: "\\\\").replacing("\t", with: "\\t")
                .replacing("\n", with: "\\n").replacing("\r", with: "\\r")
            let fields = [
                String(input.number), String(finding.unicodeScalarRange.lowerBound),
                String(finding.unicodeScalarRange.upperBound), finding.category.rawValue, finding.rule, match,
            ]
            rows += fields.joined(separator: "\t") + "\n"
        }
        return Array(rows.utf8)
    }

    package func formatError(_ error: RecordError) -> [UInt8] { [] }
}
