/// The result of analysing one text: what was flagged, and figures for the whole text.
public struct Analysis: Sendable, Hashable {
    /// Findings in text order.
    public let findings: [Finding]
    public let statistics: Statistics

    /// Whether any finding (safety included) was made.
    public var isFlagged: Bool { !findings.isEmpty }
}
