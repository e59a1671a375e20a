/// Every pattern of every rule compiled into one nondeterministic automaton over tokens,
/// matched in a single pass (`Matcher`). The entry transitions are indexed by symbol, so the
/// work per token depends on how many patterns could start there, not on how many exist.
struct Automaton: Sendable {
    /// What a consuming state accepts: its symbols are `testSymbols[symbolStart..<symbolEnd]`, sorted.
    struct TokenTest: Sendable {
        enum Kind: UInt8, Sendable {
            /// A word or number with one of the symbols.
            case words
            /// A word or number with none of the symbols.
            case notWords
            /// Any word or number (a gap).
            case anyWord
            /// A punctuation mark with one of the symbols.
            case punctuation
        }
        let kind: Kind
        let symbolStart: Int32
        let symbolEnd: Int32
    }

    enum Operation: Sendable, Equatable {
        case consume(test: Int32)
        /// Go on to both `next` and `alternative`; `next` has priority.
        case split(alternative: Int32)
        case assertSentenceStart
        case assertSentenceEnd
        case focusOpen
        case focusClose
        /// A pattern of `target` matched.
        case accept(target: Int32)
    }

    struct State: Sendable {
        var operation: Operation
        var next: Int32
    }

    /// A way into the automaton at the first token of a match.
    struct Entry: Sendable {
        /// A consuming state.
        let state: Int32
        let requiresSentenceStart: Bool
        let opensFocus: Bool
        /// The final-word group of the pattern, or -1: every match ends the sentence with a
        /// word of this group, so the entry starts nothing in a sentence whose last word is
        /// not one of them.
        let finalGroup: Int32
        /// The requirement groups the sentence must meet, every one, for the pattern to match
        /// (none: no requirement).
        let requirements: RequirementRange
    }

    /// `entryGroups[start..<end]`: the requirement groups of one pattern.
    struct RequirementRange: Sendable {
        let start: Int32
        let end: Int32
    }

    /// Indexed entries of one symbol that share their first requirement group (-1: none).
    struct EntryRun: Sendable {
        let group: Int32
        let end: Int32
    }

    var states: [State] = []
    var tests: [TokenTest] = []
    /// The symbol sets of all tests, one sorted run per test.
    var testSymbols: [Int32] = []
    /// Entries whose pattern's first (rarest) requirement group, the anchor, is rarer than the
    /// entry's first test, grouped by anchor: the entries anchored on group `g` are
    /// `anchoredEntries[anchorStarts[g]..<anchorStarts[g + 1]]`. A sentence activates only the
    /// entries whose groups it meets, so rules that cannot match cost nothing per token.
    var anchoredEntries: [Entry] = []
    var anchorStarts: [Int32] = [0]
    /// The other entries whose first test is a positive symbol set (no requirement group, or
    /// none rarer than that first test), grouped by symbol: the entries of symbol `s` are
    /// `indexedEntries[entryStarts[s]..<entryStarts[s + 1]]`.
    var indexedEntries: [Entry] = []
    var entryStarts: [Int32] = [0]
    /// The entries of each symbol come in runs that share their first requirement group (-1:
    /// none), so a token skips a whole run when the group is not met:
    /// `entryRuns[runStarts[s]..<runStarts[s + 1]]` are the runs of symbol `s`, each ending
    /// at `end` in `indexedEntries`.
    var entryRuns: [EntryRun] = []
    var runStarts: [Int32] = [0]
    /// Requirement groups: sets of symbols of which a sentence must hold one for the patterns
    /// that need the group. `groupsBySymbol[groupStarts[s]..<groupStarts[s + 1]]` are the
    /// groups that symbol `s` meets; each entry names its groups in `entryGroups`.
    var groupCount = 0
    var groupsBySymbol: [Int32] = []
    var groupStarts: [Int32] = [0]
    var entryGroups: [Int32] = []
    /// Final-word groups: sets of symbols of which a sentence's last word must hold one for
    /// the patterns that end with `$` after a test of words. The final-word groups that symbol
    /// `s` meets are `finalGroupsBySymbol[finalGroupStarts[s]..<finalGroupStarts[s + 1]]`.
    var finalGroupCount = 0
    var finalGroupsBySymbol: [Int32] = []
    var finalGroupStarts: [Int32] = [0]
    /// Entries without requirement groups that must be tried at every token (gaps and negated
    /// sets first).
    var unindexedEntries: [Entry] = []
    /// The requirements of the patterns that report findings, by first group: those anchored on
    /// group `g` are `findingRequirements[findingRequirementStarts[g]..<findingRequirementStarts[g + 1]]`.
    /// A sentence that meets every group of none of them can hold no finding, so it is skipped
    /// (its exceptions, requirements, fixed expressions, allowed phrases and context words
    /// matter only around findings).
    var findingRequirements: [RequirementRange] = []
    var findingRequirementStarts: [Int32] = [0]
    /// A pattern that reports findings needs no group, so no sentence can be skipped.
    var hasUngatedFindingPattern = false
}
