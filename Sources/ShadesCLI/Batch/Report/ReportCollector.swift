import Shades

/// Keeps the entries the HTML report shows: the `limit` most severe entries with findings
/// (ties go to the earlier), so memory stays bounded however large the export.
struct ReportCollector {
    struct Kept {
        let analysed: AnalysedEntry
        let position: Int
    }

    private var ranking: SeverityRanking<Kept>
    private var seen = 0

    init(limit: Int) {
        ranking = SeverityRanking(limit: limit)
    }

    mutating func add(_ analysed: AnalysedEntry) {
        seen += 1
        guard analysed.analysis.isFlagged else { return }
        ranking.offer(Kept(analysed: analysed, position: seen), severity: analysed.analysis.statistics.severity)
    }

    /// The kept entries in time order (undated ones last, in read order).
    var entries: [AnalysedEntry] {
        ranking.elements.sorted { a, b in
            switch (a.analysed.entry.date, b.analysed.entry.date) {
            case let (x?, y?) where x != y: x < y
            case (.some, nil): true
            case (nil, .some): false
            default: a.position < b.position
            }
        }.map(\.analysed)
    }
}
