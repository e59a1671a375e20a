/// A phrase that one of a rule's patterns matched but that was not reported, and why: what
/// `shades explain` lists under "Set aside", for lexicon authors and for anyone asking why a
/// phrase was left alone.
public struct SetAsideMatch: Sendable, Hashable {
    /// What kept the match from becoming a finding.
    public enum Reason: Sendable, Hashable {
        /// One of the rule's `except:` patterns matched words overlapping the match.
        case exception(pattern: String, words: String)
        /// One of the rule's `except-after:` patterns matched later in the sentence.
        case exceptionAfter(pattern: String, words: String)
        /// The writer disputes the thought later in the sentence (the `dispute` class).
        case disputed(words: String)
        /// The sentence has none of the rule's `requires:` patterns.
        case missingRequirement(patterns: [String])
        /// An allowed phrase from the configuration covers the flagged words.
        case allowedPhrase(words: String)
        /// The flagged words belong to a fixed expression ("all right", "after all").
        case fixedExpression(words: String)
        /// A negation cancels the match (the rule's negation policy is `cancel`).
        case negated
        /// A finding of another rule (or another of this rule's) covers the same words.
        case overlapped(rule: String)
        /// The finding's severity is below the configured minimum.
        case belowMinimumSeverity(severity: Double, minimum: Double)

        /// One sentence on the reason, for people.
        public var explanation: String {
            switch self {
            case .exception(let pattern, let words): "the rule's exception “\(pattern)” matched “\(words)”"
            case .exceptionAfter(let pattern, let words): "later in the sentence, “\(words)” matched the rule's except-after “\(pattern)”"
            case .disputed(let words): "the writer questions the thought later in the sentence: “\(words)”"
            case .missingRequirement(let patterns): "the sentence has none of the rule's required patterns: \(patterns.map { "“\($0)”" }.joined(separator: ", "))"
            case .allowedPhrase(let words): "the allowed phrase “\(words)” covers it"
            case .fixedExpression(let words): "it is part of the fixed expression “\(words)”"
            case .negated: "a negation cancels it"
            case .overlapped(let rule): "a finding of \(rule) covers the same words"
            case .belowMinimumSeverity(let severity, let minimum): "its severity \(severity) is below the minimum \(minimum)"
            }
        }
    }

    /// The id of the rule whose pattern matched.
    public let rule: String
    /// The rule's category.
    public let category: Category
    /// The rule's pattern that matched, as written in the lexicon.
    public let pattern: String
    /// The words the pattern would have flagged, as written.
    public let match: String
    /// Their UTF-8 byte range in the analysed text.
    public let utf8Range: Range<Int>
    /// Index of the sentence, from 0 (as in `Finding.sentence`).
    public let sentence: Int
    /// Why it was not reported.
    public let reason: Reason
}
