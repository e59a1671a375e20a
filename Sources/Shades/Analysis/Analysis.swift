/// The result of analysing one text: what was flagged, and figures for the whole text.
public struct Analysis: Sendable, Hashable {
    /// Findings in text order.
    public let findings: [Finding]
    /// Word counts, the absolutist index, counts per category and the text's severity.
    public let statistics: Statistics

    /// Whether any finding (safety included) was made.
    public var isFlagged: Bool { !findings.isEmpty }
}

extension Analysis {
    /// The same analysis keeping only the findings for which `isIncluded` is true; the counts
    /// per category, the safety count and the severity follow, the word figures stay.
    public func filtered(_ isIncluded: (Finding) -> Bool) -> Analysis {
        let kept = findings.filter(isIncluded)
        return Analysis(findings: kept, statistics: Statistics(
            words: statistics.words, absolutistWords: statistics.absolutistWords, findings: kept))
    }
}
