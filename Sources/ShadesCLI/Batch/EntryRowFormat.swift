import ArgumentParser
import Foundation
import Shades

/// How `shades analyze` writes its per-entry rows.
enum EntryRowFormat: String, ExpressibleByArgument, CaseIterable {
    /// RFC 4180 CSV with a header; the figure columns are named as the filter's JSON fields.
    case csv
    /// One JSON object per entry: id, date, source, title, tags, stats and findings as the filter writes them.
    case jsonl
}

/// Formats one row per entry (analysed or failed) in the chosen format.
struct EntryRowFormatter: Sendable {
    let format: EntryRowFormat

    static let csvColumns = ["id", "date", "source", "words", "absolutistWords", "absolutistIndex", "severity"]
        + Category.distortions.map(\.rawValue) + ["safety", "findings", "error"]

    /// The CSV header line; nothing for JSON Lines.
    var header: [UInt8] {
        format == .csv ? Array((Self.csvColumns.joined(separator: ",") + "\r\n").utf8) : []
    }

    func row(_ analysed: AnalysedEntry) -> [UInt8] {
        let entry = analysed.entry
        let statistics = analysed.analysis.statistics
        switch format {
        case .csv:
            let phrases = analysed.analysis.findings.map { "\($0.category.rawValue): \($0.match)" }.joined(separator: "; ")
            var fields = [entry.id, entry.date?.description ?? "", entry.source, String(statistics.words),
                          String(statistics.absolutistWords), Self.decimal(statistics.absolutistIndex), Self.decimal(statistics.severity)]
            fields += Category.distortions.map { String(statistics.categories[$0] ?? 0) }
            fields += [String(statistics.safetyFindings), phrases, ""]
            return csvRow(fields)
        case .jsonl:
            var writer = JSONWriter()
            writeHead(entry.id, entry.date, entry.source, to: &writer)
            if let title = entry.title { writer.member("title") { $0.string(title) } }
            if !entry.tags.isEmpty { writer.member("tags") { $0.array(entry.tags) { writer, tag in writer.string(tag) } } }
            writer.member("stats") { statistics.writeJSON(to: &$0) }
            writer.member("findings") { $0.array(analysed.analysis.findings) { writer, finding in finding.writeJSON(to: &writer) } }
            writer.raw("}\n")
            return writer.bytes
        }
    }

    func row(_ failure: EntryFailure) -> [UInt8] {
        let id = failure.id ?? [failure.source, failure.location].compactMap { $0 }.joined(separator: ":")
        switch format {
        case .csv:
            return csvRow([id, "", failure.source] + Array(repeating: "", count: Self.csvColumns.count - 4) + [failure.description])
        case .jsonl:
            var writer = JSONWriter()
            writeHead(id, nil, failure.source, to: &writer)
            if let location = failure.location { writer.member("location") { $0.string(location) } }
            writer.member("error") { $0.string(failure.description) }
            writer.raw("}\n")
            return writer.bytes
        }
    }

    private func writeHead(_ id: String, _ date: EntryDate?, _ source: String, to writer: inout JSONWriter) {
        writer.raw("{")
        writer.key("id")
        writer.string(id)
        writer.member("date") { writer in
            if let date { writer.string(date.description) } else { writer.raw("null") }
        }
        writer.member("source") { $0.string(source) }
    }

    private func csvRow(_ fields: [String]) -> [UInt8] {
        Array((fields.map(Self.csvField).joined(separator: ",") + "\r\n").utf8)
    }

    /// A field quoted when it holds a comma, quote or line break (RFC 4180). A field that a
    /// spreadsheet would run as a formula (it starts with = + - @, a tab or a carriage return;
    /// only ids, sources, phrases and errors can) gets a leading apostrophe, as OWASP advises,
    /// so opening the file never executes text taken from an entry.
    static func csvField(_ value: String) -> String {
        let inert = value.first.map { "=+-@\t\r".contains($0) } == true ? "'" + value : value
        guard inert.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return inert }
        return "\"" + inert.replacing("\"", with: "\"\"") + "\""
    }

    /// Six decimals at most, as in the filter's JSON.
    static func decimal(_ value: Double) -> String {
        var writer = JSONWriter()
        writer.number((value * 1_000_000).rounded() / 1_000_000)
        return String(decoding: writer.bytes, as: UTF8.self)
    }
}
