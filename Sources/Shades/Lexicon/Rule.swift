/// One detection rule of a lexicon: what to find, what to say about it and how to reframe it.
public struct Rule: Sendable, Hashable, Identifiable {
    /// What a negation in front of or inside a match does to it.
    public enum NegationPolicy: String, Sendable, Hashable, CaseIterable {
        /// "not a failure": no finding.
        case cancel
        /// The finding stays with lower severity and the `negated` modifier.
        case soften
        /// The negation is part of what the rule finds ("I'm not good enough").
        case ignore
    }

    /// What happens when this rule's match overlaps another's.
    public enum OverlapPolicy: String, Sendable, Hashable, CaseIterable {
        /// The longest match wins.
        case resolve
        /// This rule's findings stand beside overlapping ones.
        case stand
        /// This rule's findings give way to any overlapping finding of another rule (for
        /// broad fallback rules).
        case yield
    }

    /// A sentence the rule must (or must not) flag; the test suite checks every one.
    public struct Example: Sendable, Hashable {
        /// The example sentence.
        public let text: String
        /// `true` for `match:`, `false` for `no-match:`.
        public let shouldMatch: Bool
        /// Where the example is written.
        public let location: SourceLocation
    }

    /// Unique id, such as `overgeneralization.nobody-ever`.
    public let id: String
    /// What kind of language the rule finds.
    public let category: Category
    /// The patterns as written in the lexicon (alternatives).
    public let patterns: [String]
    /// Patterns that cancel a match they overlap.
    public let exceptions: [String]
    /// Patterns that cancel a match when they occur after its flagged words in the same
    /// sentence ("…, but that's not true").
    public let exceptionsAfter: [String]
    /// Patterns of which one must occur in the match's sentence (none: no requirement).
    public let requirements: [String]
    /// One gentle sentence about the phrasing.
    public let message: String
    /// One to three reframes.
    public let suggestions: [String]
    /// Where the idea comes from.
    public let source: String
    /// Severity before context modifiers, 0 to 1.
    public let baseSeverity: Double
    /// What a negation before or inside a match does.
    public let negation: NegationPolicy
    /// What happens when a match overlaps another rule's.
    public let overlap: OverlapPolicy
    /// The `match:` and `no-match:` sentences.
    public let examples: [Example]
    /// Where the rule is defined.
    public let location: SourceLocation

    let compiledPatterns: [Located<Pattern>]
    let compiledExceptions: [Located<Pattern>]
    let compiledExceptionsAfter: [Located<Pattern>]
    let compiledRequirements: [Located<Pattern>]

    /// The rule's base severity adjusted by `modifiers`, each applied in `Modifier.allCases`
    /// order as `severity × factor + addition`, clamped to 0…1 and rounded to 0.001.
    public func severity(with modifiers: Set<Modifier>) -> Double {
        severity(with: ModifierSet(modifiers))
    }

    func severity(with modifiers: ModifierSet) -> Double {
        var severity = baseSeverity
        for modifier in Modifier.ordered where modifiers.contains(modifier) {
            severity = severity * modifier.severityEffect.factor + modifier.severityEffect.addition
        }
        return min(1, max(0, severity)).roundedToThousandths
    }

    /// Rules are equal when they have the same id and come from the same place.
    public static func == (lhs: Rule, rhs: Rule) -> Bool { lhs.id == rhs.id && lhs.location == rhs.location }
    /// Hashes the id.
    public func hash(into hasher: inout Hasher) { hasher.combine(id) }
}

/// A file and line in a lexicon.
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
    /// The lexicon's file (or name).
    public let file: String
    /// The 1-based line, or 0 for something not written on a line (a command-line phrase).
    public let line: Int
    /// `file:line`.
    public var description: String { "\(file):\(line)" }
}

/// A value read from a lexicon, with the line it came from.
struct Located<Value: Sendable>: Sendable {
    let value: Value
    let location: SourceLocation
}
