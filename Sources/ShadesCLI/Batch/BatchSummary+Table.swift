import Foundation
import Shades

extension BatchSummary {
    /// The summary as a readable plain-text table.
    func table() -> String {
        var lines: [String] = []
        let failed = entriesFailed == 0 ? "" : ", \(entriesFailed) could not be read (see the messages above)"
        lines.append("Entries     \(Self.grouped(entriesRead)) read: \(Self.grouped(entriesAnalysed)) analysed\(failed)")
        lines.append("Words       \(Self.grouped(overall.words))")
        lines.append("Absolutist  \(Self.grouped(overall.absolutistWords)) words, index \(Self.percent(overall.absolutistIndex)) (Al-Mosaiwi & Johnstone 2018)")
        lines.append("Flagged     \(Self.grouped(overall.flaggedEntries)) of \(Self.grouped(entriesAnalysed)) entries, mean severity \(String(format: "%.2f", overall.meanSeverity))")
        lines.append("")
        lines.append("Findings per 1,000 words")
        for (index, category) in Category.distortions.enumerated() {
            lines.append("  " + Self.padded(category.rawValue, 20) + Self.padded(String(format: "%.2f", overall.rate(index)), 8, right: true)
                + "   (\(Self.grouped(overall.categories[index])))")
        }
        if overall.safetyFindings > 0 {
            lines.append("  " + Self.padded("safety", 20) + Self.padded("", 8) + "   (\(Self.grouped(overall.safetyFindings)) phrases that may signal distress;")
            lines.append("  " + Self.padded("", 31) + "if this is about you, please consider reaching out to someone you trust or a local crisis line)")
        }
        let trend = self.trend
        if !trend.isEmpty {
            lines.append("")
            var header = "Trend by \(period.rawValue)" + (undatedEntries > 0 ? " (\(undatedEntries) undated entries are counted above only)" : "")
            lines.append(header)
            header = "  " + Self.padded(period.rawValue, 10) + Self.padded("entries", 9, right: true) + Self.padded("words", 10, right: true)
                + Self.padded("index", 8, right: true)
            header += Category.distortions.map { Self.padded(Self.shortName($0), 9, right: true) }.joined() + Self.padded("severity", 10, right: true)
            lines.append(header)
            for (key, figures) in trend {
                var row = "  " + Self.padded(key, 10) + Self.padded(Self.grouped(figures.entries), 9, right: true)
                    + Self.padded(Self.grouped(figures.words), 10, right: true) + Self.padded(Self.percent(figures.absolutistIndex), 8, right: true)
                row += (0..<Category.distortions.count).map { Self.padded(String(format: "%.2f", figures.rate($0)), 9, right: true) }.joined()
                row += Self.padded(String(format: "%.2f", figures.meanSeverity), 10, right: true)
                lines.append(row)
            }
            lines.append("  (categories per 1,000 words; severity is the mean per entry)")
        }
        let phrases = topPhrases(10)
        if !phrases.isEmpty {
            lines.append("")
            lines.append("Most frequent phrases")
            for (phrase, count) in phrases {
                lines.append("  " + Self.padded(Self.grouped(count), 7, right: true) + "  \"\(phrase.text)\" (\(phrase.category.rawValue))")
            }
        }
        if !mostSevere.isEmpty {
            lines.append("")
            lines.append("Entries with the highest severity")
            for entry in mostSevere {
                lines.append("  " + String(format: "%.2f", entry.severity) + "  " + Self.padded(entry.date?.description ?? "undated", 10)
                    + "  \(entry.id)" + (entry.id == entry.source ? "" : "  (\(entry.source))"))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func shortName(_ category: Category) -> String {
        switch category {
        case .allOrNothing: "all/none"
        case .overgeneralization: "overgen."
        case .should: "should"
        case .labeling: "labeling"
        case .safety: "safety"
        }
    }

    static func grouped(_ value: Int) -> String {
        let digits = String(value)
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        return result
    }

    static func percent(_ proportion: Double) -> String { String(format: "%.2f%%", proportion * 100) }

    private static func padded(_ text: String, _ width: Int, right: Bool = false) -> String {
        let padding = String(repeating: " ", count: max(0, width - text.count))
        return right ? padding + text : text + padding
    }
}
