import Shades

/// Aggregates over every entry of a batch run, in memory independent of the number of
/// entries: totals, figures per period, phrase counts and the few most severe entries.
struct BatchSummary {
    /// Counts for a set of entries (everything, or one period).
    struct Figures {
        var entries = 0
        var flaggedEntries = 0
        var words = 0
        var absolutistWords = 0
        /// Findings per distortion category, in `Category.distortions` order.
        var categories = [Int](repeating: 0, count: Category.distortions.count)
        var safetyFindings = 0
        var severityTotal = 0.0
        /// The period's place on the time line (see `TrendPeriod.ordinal(for:)`).
        var ordinal = 0

        mutating func add(_ statistics: Statistics, isFlagged: Bool) {
            entries += 1
            if isFlagged { flaggedEntries += 1 }
            words += statistics.words
            absolutistWords += statistics.absolutistWords
            for (index, category) in Category.distortions.enumerated() { categories[index] += statistics.categories[category] ?? 0 }
            safetyFindings += statistics.safetyFindings
            severityTotal += statistics.severity
        }

        /// The absolutist index (Al-Mosaiwi & Johnstone): absolutist words / words.
        var absolutistIndex: Double { words == 0 ? 0 : Double(absolutistWords) / Double(words) }
        var meanSeverity: Double { entries == 0 ? 0 : severityTotal / Double(entries) }

        /// Findings of a category per 1,000 words.
        func rate(_ index: Int) -> Double { words == 0 ? 0 : Double(categories[index]) * 1000 / Double(words) }
    }

    /// A flagged phrase as counted: its lower-cased text and category.
    struct Phrase: Hashable {
        let text: String
        let category: Category
    }

    /// One of the most severe entries.
    struct RankedEntry {
        let id: String
        let date: EntryDate?
        let source: String
        let severity: Double
        let findings: Int
    }

    /// Distinct phrases kept before the rarest are dropped (counts stay exact for the
    /// frequent ones, which are what the summary shows).
    static let phraseLimit = 100_000

    let period: TrendPeriod
    private(set) var entriesRead = 0
    private(set) var entriesFailed = 0
    private(set) var undatedEntries = 0
    private(set) var overall = Figures()
    private(set) var periods: [String: Figures] = [:]
    private(set) var phrases: [Phrase: Int] = [:]
    private var ranking: SeverityRanking<RankedEntry>

    init(period: TrendPeriod, rankedLimit: Int = 10) {
        self.period = period
        self.ranking = SeverityRanking(limit: rankedLimit)
    }

    var entriesAnalysed: Int { overall.entries }

    mutating func add(_ analysed: AnalysedEntry) {
        entriesRead += 1
        let analysis = analysed.analysis
        overall.add(analysis.statistics, isFlagged: analysis.isFlagged)
        if let date = analysed.entry.date {
            periods[period.key(for: date), default: Figures(ordinal: period.ordinal(for: date))]
                .add(analysis.statistics, isFlagged: analysis.isFlagged)
        } else {
            undatedEntries += 1
        }
        for finding in analysis.findings where finding.category != .safety {
            phrases[Phrase(text: finding.match.lowercased(), category: finding.category), default: 0] += 1
        }
        if phrases.count > Self.phraseLimit { phrases = phrases.filter { $0.value > 1 } }
        if analysis.statistics.severity > 0 {
            ranking.offer(
                RankedEntry(
                    id: analysed.entry.id, date: analysed.entry.date, source: analysed.entry.source,
                    severity: analysis.statistics.severity, findings: analysis.findings.count),
                severity: analysis.statistics.severity)
        }
    }

    mutating func addFailure() {
        entriesRead += 1
        entriesFailed += 1
    }

    /// The phrases found most often, most frequent first (ties in text order).
    func topPhrases(_ count: Int) -> [(phrase: Phrase, count: Int)] {
        phrases.sorted { ($1.value, $0.key.text, $0.key.category.rawValue) < ($0.value, $1.key.text, $1.key.category.rawValue) }
            .prefix(count).map { ($0.key, $0.value) }
    }

    /// The most severe entries, most severe first.
    var mostSevere: [RankedEntry] { ranking.elements }

    /// The periods in time order.
    var trend: [(key: String, figures: Figures)] {
        periods.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }
}
