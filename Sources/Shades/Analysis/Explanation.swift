/// An analysis together with the rule matches that were set aside, and why
/// (`Analyzer.explain(_:)`).
public struct Explanation: Sendable, Hashable {
    /// The analysis, exactly as `Analyzer.analyze(_:)` gives it.
    public let analysis: Analysis
    /// The matches that did not become findings, in text order.
    public let setAside: [SetAsideMatch]
}
