package import Shades

/// The text as written, flagged phrases marked (in colour on a terminal, otherwise as
/// `[always]{overgeneralization}`), then one gentle note per finding.
package struct AnnotateFormatter: RecordFormatter {
    package let colored: Bool

    private static let reset = "\u{1B}[0m"
    private static let dim = "\u{1B}[2m"

    package func format(_ input: RecordInput, _ analysis: Analysis) -> [UInt8] {
        var text = ""
        if let id = input.id { text += "[\(String(decoding: id, as: UTF8.self))] " }
        var cursor = 0
        for group in groups(analysis.findings) {
            text += String(decoding: input.text[cursor..<group.range.lowerBound], as: UTF8.self)
            let phrase = String(decoding: input.text[group.range], as: UTF8.self)
            let categories = group.categories.map(\.rawValue).joined(separator: ",")
            text += colored ? "\(Self.color(group.categories[0]))\(phrase)\(Self.reset)" : "[\(phrase)]{\(categories)}"
            cursor = group.range.upperBound
        }
        text += String(decoding: input.text[cursor...], as: UTF8.self) + "\n"
        for finding in analysis.findings {
            let context = ([finding.category.rawValue] + finding.modifiers.map(\.rawValue)).joined(separator: ", ")
            var note = "  ↳ \(finding.match) (\(context)): \(finding.message)"
            note += " Perhaps: " + finding.suggestions.map { "“\($0)”" }.joined(separator: ", ") + "."
            text += (colored ? Self.dim + note + Self.reset : note) + "\n"
        }
        return Array(text.utf8)
    }

    package func formatError(_ error: RecordError) -> [UInt8] {
        Array("  ↳ this record could not be read: \(error.message)\n".utf8)
    }

    /// Findings whose byte ranges overlap, merged so each phrase is marked once.
    private func groups(_ findings: [Finding]) -> [(range: Range<Int>, categories: [Category])] {
        var groups: [(range: Range<Int>, categories: [Category])] = []
        for finding in findings.sorted(by: { $0.utf8Range.lowerBound < $1.utf8Range.lowerBound }) {
            if let last = groups.last, finding.utf8Range.lowerBound < last.range.upperBound {
                let range = last.range.lowerBound..<max(last.range.upperBound, finding.utf8Range.upperBound)
                let categories = last.categories.contains(finding.category) ? last.categories : last.categories + [finding.category]
                groups[groups.count - 1] = (range, categories)
            } else {
                groups.append((finding.utf8Range, [finding.category]))
            }
        }
        return groups
    }

    private static func color(_ category: Category) -> String {
        switch category {
        case .allOrNothing: "\u{1B}[1;35m"
        case .overgeneralization: "\u{1B}[1;33m"
        case .should: "\u{1B}[1;36m"
        case .labeling: "\u{1B}[1;34m"
        case .safety: "\u{1B}[1;31m"
        }
    }
}
