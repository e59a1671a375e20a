/// A match of one compiled pattern: token indices, end exclusive.
struct RawMatch: Sendable, Equatable {
    let target: Int32
    let start: Int
    let end: Int
    let focusStart: Int
    let focusEnd: Int
}

/// Runs an `Automaton` over the tokens of a text in one pass per sentence (a Pike VM: all
/// live partial matches advance together, earlier starts first). Punctuation that a pattern
/// does not name is skipped, except that clause punctuation ends a gap.
struct Matcher: Sendable {
    struct Thread {
        var state: Int32
        var start: Int32
        var focusStart: Int32
        var focusEnd: Int32
        var inGap: Bool
    }

    /// Buffers reused between texts; the matcher borrows them while it runs.
    struct Buffers {
        var current: [Thread] = []
        var next: [Thread] = []
        var pending: [Thread] = []
        var visited: [UInt32] = []
        var generation: UInt32 = 0
        var matches: [RawMatch] = []
        /// One bit per requirement group: which groups the current sentence meets.
        var satisfied: [UInt64] = []
    }

    let automaton: Automaton

    /// Replaces `buffers.matches` with every match in `tokens`.
    func findMatches(tokens: [Token], symbols: [Int32], buffers: inout Buffers) {
        buffers.matches.removeAll(keepingCapacity: true)
        let groupWords = (automaton.groupCount + 63) / 64
        if buffers.satisfied.count < groupWords {
            buffers.satisfied = Array(repeating: 0, count: groupWords)
        }
        if buffers.visited.count < automaton.states.count {
            buffers.visited = Array(repeating: 0, count: automaton.states.count)
            buffers.generation = 0
        }
        automaton.states.withUnsafeBufferPointer { states in
            automaton.tests.withUnsafeBufferPointer { tests in
                automaton.testSymbols.withUnsafeBufferPointer { testSymbols in
                    var run = Run(
                        automaton: automaton, states: states, tests: tests, testSymbols: testSymbols,
                        tokens: tokens, symbols: symbols, buffers: buffers)
                    buffers = Buffers()
                    var sentenceStart = 0
                    while sentenceStart < tokens.count {
                        var sentenceEnd = sentenceStart + 1
                        while sentenceEnd < tokens.count, tokens[sentenceEnd].sentence == tokens[sentenceStart].sentence {
                            sentenceEnd += 1
                        }
                        run.matchSentence(sentenceStart..<sentenceEnd)
                        sentenceStart = sentenceEnd
                    }
                    buffers = run.buffers
                }
            }
        }
    }

    /// One pass over one text, with the automaton's arrays borrowed as buffers.
    private struct Run {
        let automaton: Automaton
        let states: UnsafeBufferPointer<Automaton.State>
        let tests: UnsafeBufferPointer<Automaton.TokenTest>
        let testSymbols: UnsafeBufferPointer<Int32>
        let tokens: [Token]
        let symbols: [Int32]
        var buffers: Buffers
        var firstWord = 0
        var afterLastWord = 0

        mutating func matchSentence(_ range: Range<Int>) {
            firstWord = tokens[range].firstIndex(where: \.isWordLike) ?? range.upperBound
            afterLastWord = (tokens[range].lastIndex(where: \.isWordLike) ?? range.lowerBound - 1) + 1
            buffers.current.removeAll(keepingCapacity: true)
            markSatisfiedGroups(range, satisfied: true)
            defer { markSatisfiedGroups(range, satisfied: false) }
            for position in range {
                let token = tokens[position]
                let tokenSymbols = symbols[token.symbols]
                nextGeneration()
                buffers.next.removeAll(keepingCapacity: true)
                let current = buffers.current
                for thread in current {
                    let state = states[Int(thread.state)]
                    guard case .consume(let testIndex) = state.operation else { continue }
                    let test = tests[Int(testIndex)]
                    if test.accepts(token, symbols: tokenSymbols, in: testSymbols) {
                        var advanced = thread
                        advanced.inGap = test.kind == .anyWord
                        advanced.state = state.next
                        addThread(advanced, position: position + 1)
                    } else if token.kind == .punctuation,
                              !(token.flags.contains(.clauseBreak) && (thread.inGap || test.kind == .anyWord)),
                              buffers.visited[Int(thread.state)] != buffers.generation {
                        buffers.visited[Int(thread.state)] = buffers.generation
                        buffers.next.append(thread)
                    }
                }
                startThreads(at: position, token: token, tokenSymbols: tokenSymbols)
                swap(&buffers.current, &buffers.next)
            }
        }

        private mutating func startThreads(at position: Int, token: Token, tokenSymbols: ArraySlice<Int32>) {
            for entry in automaton.unindexedEntries {
                start(entry, at: position, token: token, tokenSymbols: tokenSymbols, isIndexed: false)
            }
            for symbol in tokenSymbols {
                let entries = Int(automaton.entryStarts[Int(symbol)])..<Int(automaton.entryStarts[Int(symbol) + 1])
                for index in entries {
                    start(automaton.indexedEntries[index], at: position, token: token, tokenSymbols: tokenSymbols, isIndexed: true)
                }
            }
        }

        /// Sets (or clears) the bits of the requirement groups that the sentence's tokens meet.
        private mutating func markSatisfiedGroups(_ range: Range<Int>, satisfied: Bool) {
            for token in tokens[range] {
                for symbol in symbols[token.symbols] where Int(symbol) + 1 < automaton.groupStarts.count {
                    for index in Int(automaton.groupStarts[Int(symbol)])..<Int(automaton.groupStarts[Int(symbol) + 1]) {
                        let group = Int(automaton.groupsBySymbol[index])
                        if satisfied {
                            buffers.satisfied[group >> 6] |= 1 << UInt64(group & 63)
                        } else {
                            buffers.satisfied[group >> 6] = 0
                        }
                    }
                }
            }
        }

        private func meetsRequirements(_ entry: Automaton.Entry) -> Bool {
            for index in Int(entry.requirementStart)..<Int(entry.requirementEnd) {
                let group = Int(automaton.entryGroups[index])
                if buffers.satisfied[group >> 6] & (1 << UInt64(group & 63)) == 0 { return false }
            }
            return true
        }

        /// Starts `entry` at `position` if the sentence allows it and its first test accepts
        /// the token. An indexed entry was found under one of the token's symbols, which its
        /// (positive) first test holds, so only the token's kind is left to check.
        private mutating func start(
            _ entry: Automaton.Entry, at position: Int, token: Token, tokenSymbols: ArraySlice<Int32>, isIndexed: Bool
        ) {
            if entry.requiresSentenceStart && position > firstWord { return }
            if !meetsRequirements(entry) { return }
            let state = states[Int(entry.state)]
            guard case .consume(let testIndex) = state.operation else { return }
            let test = tests[Int(testIndex)]
            if isIndexed {
                guard test.kind == .punctuation ? token.kind == .punctuation : token.isWordLike else { return }
            } else {
                guard test.accepts(token, symbols: tokenSymbols, in: testSymbols) else { return }
            }
            let thread = Thread(
                state: state.next, start: Int32(position), focusStart: entry.opensFocus ? Int32(position) : -1,
                focusEnd: -1, inGap: test.kind == .anyWord)
            addThread(thread, position: position + 1)
        }

        /// Follows the non-consuming states from `thread.state` and queues the consuming ones
        /// for the next token; records accepted matches.
        private mutating func addThread(_ thread: Thread, position: Int) {
            buffers.pending.append(thread)
            while var thread = buffers.pending.popLast() {
                let index = Int(thread.state)
                if buffers.visited[index] == buffers.generation { continue }
                buffers.visited[index] = buffers.generation
                let state = states[index]
                switch state.operation {
                case .consume:
                    buffers.next.append(thread)
                case .split(let alternative):
                    var other = thread
                    other.state = alternative
                    buffers.pending.append(other)
                    thread.state = state.next
                    buffers.pending.append(thread)
                case .assertSentenceStart:
                    guard position <= firstWord else { continue }
                    thread.state = state.next
                    buffers.pending.append(thread)
                case .assertSentenceEnd:
                    guard position >= afterLastWord else { continue }
                    thread.state = state.next
                    buffers.pending.append(thread)
                case .focusOpen:
                    thread.focusStart = Int32(position)
                    thread.state = state.next
                    buffers.pending.append(thread)
                case .focusClose:
                    thread.focusEnd = Int32(position)
                    thread.state = state.next
                    buffers.pending.append(thread)
                case .accept(let target):
                    let start = Int(thread.start)
                    buffers.matches.append(RawMatch(
                        target: target, start: start, end: position,
                        focusStart: thread.focusStart >= 0 ? Int(thread.focusStart) : start,
                        focusEnd: thread.focusEnd >= 0 ? Int(thread.focusEnd) : position))
                }
            }
        }

        private mutating func nextGeneration() {
            buffers.generation &+= 1
            if buffers.generation == 0 {
                for index in buffers.visited.indices { buffers.visited[index] = 0 }
                buffers.generation = 1
            }
        }
    }
}
