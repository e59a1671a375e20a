/// Context that changed how a finding is read, recorded on the finding and explained by
/// `shades explain`.
public enum Modifier: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    /// A negation before or inside the match ("I don't always fail"); lowers severity.
    case negated
    /// A hedge near the match ("almost never", "kind of"); lowers severity.
    case hedged
    /// A booster before the match ("literally always", "absolutely everything"); raises it.
    case boosted
    /// Two or more absolutes together ("nobody ever", "never, ever"); raises it.
    case stacked
    /// Written in capitals ("NEVER"); raises it.
    case emphasized
    /// The same rule fired earlier in the text; raises it.
    case repeated
    /// Inside quotation marks or after a reporting verb ("she said I never listen").
    case quoted
    /// In a question ("Do I always do this?"); lowers severity.
    case question

    /// The modifier's id, e.g. `negated`.
    public var description: String { rawValue }

    /// One sentence on what the modifier means, for explanations.
    public var explanation: String {
        switch self {
        case .negated: "a negation comes before or inside the phrase, which softens it"
        case .hedged: "a hedge such as 'almost' or 'kind of' qualifies the phrase"
        case .boosted: "a booster such as 'literally' or 'absolutely' strengthens the phrase"
        case .stacked: "more than one absolute word appears together"
        case .emphasized: "the phrase is written in capitals"
        case .repeated: "the same pattern already appeared earlier in this text"
        case .quoted: "the phrase is quoted or reported from someone else"
        case .question: "the phrase is part of a question"
        }
    }

    /// How the modifier changes severity: `severity × factor + addition`.
    public var severityEffect: (factor: Double, addition: Double) {
        switch self {
        case .negated: (0.4, 0)
        case .hedged: (0.5, 0)
        case .quoted: (0.6, 0)
        case .question: (0.6, 0)
        case .boosted: (1, 0.15)
        case .stacked: (1, 0.15)
        case .emphasized: (1, 0.15)
        case .repeated: (1, 0.05)
        }
    }
}
