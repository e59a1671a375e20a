import Foundation
import Shades

/// The self-contained HTML report: summary figures, trend charts (inline SVG) and the most
/// severe entries with their flagged phrases highlighted and reframes on hover. It loads
/// nothing from anywhere (its content security policy forbids it): the data is private.
struct ReportDocument {
    let summary: BatchSummary
    let entries: [AnalysedEntry]
    let shownLimit: Int

    static let colors: [Category: String] = [
        .allOrNothing: "#d95f02", .overgeneralization: "#7570b3", .should: "#1b9e77", .labeling: "#e7298a", .safety: "#b7791f",
    ]
    static let indexColor = "#2b6cb0"

    func html() -> String {
        var page = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Shades report</title>
        <style>\(Self.style)</style>
        </head>
        <body>
        <header><h1>Shades report</h1><p class="lede">How often all-or-nothing phrasing shows up in these entries, and how that changes over time. These are patterns of wording, not a judgement or a diagnosis.</p></header>
        """
        page += figures()
        page += charts()
        if summary.overall.safetyFindings > 0 {
            page += "<aside class=\"safety\"><strong>Some entries contain phrases that can signal distress</strong> (\(summary.overall.safetyFindings) in all). If they are yours, you do not have to carry that alone: please consider talking to someone you trust, or a local crisis line.</aside>"
        }
        page += phrases()
        page += entryTable()
        page += """
        <footer><p>The absolutist index is the share of words from Al-Mosaiwi &amp; Johnstone's (2018) absolutist dictionary, so it can be compared with their figures. Category rates are findings per 1,000 words; severity (0 to 1) grows with stacked absolutes, boosters and capitals and shrinks with hedges. Made by Shades on this computer; nothing in this file was sent anywhere.</p></footer>
        </body>
        </html>

        """
        return page
    }

    private func figures() -> String {
        let overall = summary.overall
        var cards = [
            ("Entries", BatchSummary.grouped(summary.entriesAnalysed)),
            ("Words", BatchSummary.grouped(overall.words)),
            ("Absolutist index", BatchSummary.percent(overall.absolutistIndex)),
            ("Entries with findings", BatchSummary.grouped(overall.flaggedEntries)),
            ("Mean severity", String(format: "%.2f", overall.meanSeverity)),
        ]
        if summary.entriesFailed > 0 { cards.append(("Could not be read", BatchSummary.grouped(summary.entriesFailed))) }
        var html = "<section class=\"figures\">"
        html += cards.map { "<div class=\"card\"><div class=\"value\">\(HTML.escape($0.1))</div><div class=\"label\">\(HTML.escape($0.0))</div></div>" }.joined()
        html += "</section><section><h2>Per 1,000 words</h2><table class=\"rates\"><tr>"
        html += Category.distortions.enumerated().map { index, category in
            "<td><span class=\"swatch\" style=\"background:\(Self.colors[category]!)\"></span>\(category.rawValue)<br><strong>\(String(format: "%.2f", overall.rate(index)))</strong> <small>(\(BatchSummary.grouped(overall.categories[index])))</small></td>"
        }.joined()
        return html + "</tr></table></section>"
    }

    private func charts() -> String {
        let trend = summary.trend
        guard !trend.isEmpty else {
            return "<section><h2>Over time</h2><p>No entry has a date, so there is no trend to draw.</p></section>"
        }
        let periods = trend.map(\.key)
        let positions = trend.map(\.figures.ordinal)
        let index = TrendChart(
            title: "Absolutist index by \(summary.period.rawValue)", unit: "% of words",
            periods: periods, positions: positions, series: [.init(name: "absolutist index", color: Self.indexColor, values: trend.map { $0.figures.absolutistIndex * 100 })])
        let categories = TrendChart(
            title: "Findings per 1,000 words by \(summary.period.rawValue)", unit: "per 1,000 words", periods: periods, positions: positions,
            series: Category.distortions.enumerated().map { offset, category in
                .init(name: category.rawValue, color: Self.colors[category]!, values: trend.map { $0.figures.rate(offset) })
            })
        var html = "<section><h2>Absolutist index by \(summary.period.rawValue)</h2>\(index.svg())</section>"
        html += "<section><h2>Categories by \(summary.period.rawValue)</h2>\(categories.svg())"
        if summary.undatedEntries > 0 {
            html += "<p class=\"note\">\(summary.undatedEntries) entries have no date: they count in the figures above but not in the charts.</p>"
        }
        return html + "</section>"
    }

    private func phrases() -> String {
        let top = summary.topPhrases(15)
        guard !top.isEmpty else { return "" }
        var html = "<section><h2>Phrases found most often</h2><table class=\"phrases\"><tr><th>phrase</th><th>category</th><th>times</th></tr>"
        for (phrase, count) in top {
            html += "<tr><td>“\(HTML.escape(phrase.text))”</td><td><span class=\"swatch\" style=\"background:\(Self.colors[phrase.category]!)\"></span>\(phrase.category.rawValue)</td><td class=\"n\">\(BatchSummary.grouped(count))</td></tr>"
        }
        return html + "</table></section>"
    }

    private func entryTable() -> String {
        guard !entries.isEmpty else { return "<section><h2>Entries</h2><p>No phrasing was flagged.</p></section>" }
        let flagged = summary.overall.flaggedEntries
        var html = "<section><h2>Entries</h2><p class=\"note\">"
        html += flagged > entries.count
            ? "The \(entries.count) entries with the highest severity of the \(BatchSummary.grouped(flagged)) with findings, in date order."
            : "The \(entries.count) entries with findings, in date order."
        html += " Hover over (or focus) a highlighted phrase for a gentler way to say it.</p><table class=\"entries\"><tr><th>date</th><th>entry</th><th>severity</th></tr>"
        for analysed in entries {
            let entry = analysed.entry
            let severity = analysed.analysis.statistics.severity
            html += "<tr><td class=\"date\">\(entry.date?.description ?? "undated")</td><td>"
            html += "<div class=\"meta\">\(HTML.escape(entry.title ?? entry.id))</div><div class=\"text\">\(highlighted(analysed))</div></td>"
            html += "<td class=\"n\"><div class=\"bar\"><span style=\"width:\(Int(severity * 100))%\"></span></div>\(String(format: "%.2f", severity))</td></tr>"
        }
        return html + "</table></section>"
    }

    /// The entry's text with each finding in a `<mark>` carrying its note and reframes.
    private func highlighted(_ analysed: AnalysedEntry) -> String {
        let bytes = Array(analysed.entry.text.utf8)
        var html = ""
        var cursor = 0
        for finding in analysed.analysis.findings where finding.utf8Range.lowerBound >= cursor {
            html += HTML.escape(String(decoding: bytes[cursor..<finding.utf8Range.lowerBound], as: UTF8.self))
            let tip = "<b>\(finding.category.rawValue)</b> \(HTML.escape(finding.message))"
                + (finding.suggestions.isEmpty ? "" : "<br>Perhaps: " + finding.suggestions.map { "“\(HTML.escape($0))”" }.joined(separator: " · "))
            html += "<mark tabindex=\"0\" style=\"--c:\(Self.colors[finding.category]!)\">"
            html += HTML.escape(String(decoding: bytes[finding.utf8Range], as: UTF8.self))
            html += "<span class=\"tip\" role=\"tooltip\">\(tip)</span></mark>"
            cursor = finding.utf8Range.upperBound
        }
        return html + HTML.escape(String(decoding: bytes[cursor...], as: UTF8.self))
    }

    static let style = """
    :root{color-scheme:light;--ink:#1f2933;--muted:#616e7c;--line:#e4e7eb}
    body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;color:var(--ink);max-width:960px;margin:2rem auto;padding:0 1rem;line-height:1.5;background:#fbfaf8}
    h1{font-weight:600;margin-bottom:.2rem}h2{font-size:1.15rem;font-weight:600;margin-top:2rem}
    .lede,.note,footer{color:var(--muted)}footer{font-size:.85rem;margin-top:3rem;border-top:1px solid var(--line);padding-top:1rem}
    .figures{display:flex;flex-wrap:wrap;gap:.75rem;margin-top:1.5rem}
    .card{background:#fff;border:1px solid var(--line);border-radius:10px;padding:.75rem 1rem;min-width:130px}
    .card .value{font-size:1.5rem;font-weight:600}.card .label{color:var(--muted);font-size:.85rem}
    table{border-collapse:collapse;width:100%;background:#fff}td,th{padding:.45rem .6rem;border-bottom:1px solid var(--line);vertical-align:top;text-align:left}
    th{font-weight:600;color:var(--muted);font-size:.85rem}.n{text-align:right;white-space:nowrap}.date{white-space:nowrap;color:var(--muted)}
    .rates td{border:none}.swatch{display:inline-block;width:.8em;height:.8em;border-radius:2px;margin-right:.4em;vertical-align:baseline}
    .chart{width:100%;height:auto;background:#fff;border:1px solid var(--line);border-radius:10px}
    .chart .grid{stroke:var(--line)}.chart .axis{fill:var(--muted);font-size:12px}
    .legend{list-style:none;display:flex;flex-wrap:wrap;gap:1rem;padding:0;margin:.5rem 0 0;color:var(--muted);font-size:.9rem}
    .safety{background:#fff8e6;border-left:4px solid #b7791f;padding:.75rem 1rem;margin-top:2rem;border-radius:4px}
    .meta{font-size:.8rem;color:var(--muted)}.text{white-space:pre-wrap;max-height:16rem;overflow:auto}
    mark{background:color-mix(in srgb,var(--c) 18%,transparent);border-bottom:2px solid var(--c);color:inherit;position:relative;cursor:help;border-radius:2px}
    mark .tip{display:none;position:absolute;left:0;top:1.6em;z-index:2;width:20rem;background:#1f2933;color:#fff;padding:.5rem .7rem;border-radius:6px;font-size:.85rem;line-height:1.4;white-space:normal}
    mark:hover .tip,mark:focus .tip{display:block}
    .bar{width:70px;height:6px;background:var(--line);border-radius:3px;margin-bottom:.2rem}.bar span{display:block;height:100%;background:#c05621;border-radius:3px}
    """
}
