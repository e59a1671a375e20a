import Shades

/// Keeps the entries the HTML report shows: the `limit` most severe flagged entries (ties go
/// to the earlier), so memory stays bounded however large the export.
struct ReportCollector {
    struct Kept {
        let analysed: AnalysedEntry
        let position: Int
    }

    let limit: Int
    private(set) var kept: [Kept] = []
    private var seen = 0

    init(limit: Int) {
        self.limit = limit
    }

    mutating func add(_ analysed: AnalysedEntry) {
        seen += 1
        let severity = analysed.analysis.statistics.severity
        guard limit > 0, analysed.analysis.isFlagged else { return }
        if kept.count == limit, let last = kept.last, last.analysed.analysis.statistics.severity >= severity { return }
        let index = kept.firstIndex { $0.analysed.analysis.statistics.severity < severity } ?? kept.count
        kept.insert(Kept(analysed: analysed, position: seen), at: index)
        if kept.count > limit { kept.removeLast() }
    }

    /// The kept entries in time order (undated ones last, in read order).
    var entries: [AnalysedEntry] {
        kept.sorted { a, b in
            switch (a.analysed.entry.date, b.analysed.entry.date) {
            case let (x?, y?) where x != y: x < y
            case (.some, nil): true
            case (nil, .some): false
            default: a.position < b.position
            }
        }.map(\.analysed)
    }
}
