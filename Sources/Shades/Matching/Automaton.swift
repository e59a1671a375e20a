/// Every pattern of every rule compiled into one nondeterministic automaton over tokens,
/// matched in a single pass (`Matcher`). The entry transitions are indexed by symbol, so the
/// work per token depends on how many patterns could start there, not on how many exist.
struct Automaton: Sendable {
    /// What a consuming state accepts.
    struct TokenTest: Sendable {
        enum Kind: UInt8, Sendable {
            /// A word or number with one of `symbols`.
            case words
            /// A word or number with none of `symbols`.
            case notWords
            /// Any word or number (a gap).
            case anyWord
            /// A punctuation mark with one of `symbols`.
            case punctuation
        }
        let kind: Kind
        /// Sorted.
        let symbols: [Int32]

        func accepts(_ token: Token, symbols tokenSymbols: ArraySlice<Int32>) -> Bool {
            switch kind {
            case .anyWord: return token.isWordLike
            case .words: return token.isWordLike && contains(any: tokenSymbols)
            case .notWords: return token.isWordLike && !contains(any: tokenSymbols)
            case .punctuation: return token.kind == .punctuation && contains(any: tokenSymbols)
            }
        }

        private func contains(any candidates: ArraySlice<Int32>) -> Bool {
            for symbol in candidates where Self.binarySearch(symbols, symbol) { return true }
            return false
        }

        private static func binarySearch(_ sorted: [Int32], _ value: Int32) -> Bool {
            var low = 0
            var high = sorted.count
            while low < high {
                let middle = (low + high) / 2
                if sorted[middle] < value { low = middle + 1 } else { high = middle }
            }
            return low < sorted.count && sorted[low] == value
        }
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
    }

    var states: [State] = []
    var tests: [TokenTest] = []
    /// Entries whose first test is a positive symbol set, by symbol.
    var entriesBySymbol: [Int32: [Entry]] = [:]
    /// Entries that must be tried at every token (gaps and negated sets first).
    var unindexedEntries: [Entry] = []
}
