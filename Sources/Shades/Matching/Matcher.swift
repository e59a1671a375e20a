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
struct Matcher {
    struct Thread {
        var state: Int32
        var start: Int32
        var focusStart: Int32
        var focusEnd: Int32
        var inGap: Bool
    }

    /// Buffers reused between texts.
    final class Buffers {
        var current: [Thread] = []
        var next: [Thread] = []
        var pending: [Thread] = []
        var visited: [UInt32] = []
        var generation: UInt32 = 0
        var matches: [RawMatch] = []
    }

    let automaton: Automaton

    /// Appends every match in `tokens` to `buffers.matches` (cleared first).
    func findMatches(tokens: [Token], symbols: [Int32], buffers: Buffers) {
        buffers.matches.removeAll(keepingCapacity: true)
        if buffers.visited.count < automaton.states.count {
            buffers.visited = Array(repeating: 0, count: automaton.states.count)
            buffers.generation = 0
        }
        var sentenceStart = 0
        while sentenceStart < tokens.count {
            var sentenceEnd = sentenceStart + 1
            while sentenceEnd < tokens.count, tokens[sentenceEnd].sentence == tokens[sentenceStart].sentence {
                sentenceEnd += 1
            }
            matchSentence(tokens: tokens, symbols: symbols, range: sentenceStart..<sentenceEnd, buffers: buffers)
            sentenceStart = sentenceEnd
        }
    }

    private func matchSentence(tokens: [Token], symbols: [Int32], range: Range<Int>, buffers: Buffers) {
        let firstWord = tokens[range].firstIndex(where: \.isWordLike) ?? range.upperBound
        let afterLastWord = (tokens[range].lastIndex(where: \.isWordLike) ?? range.lowerBound - 1) + 1
        let bounds = (firstWord: firstWord, afterLastWord: afterLastWord)
        buffers.current.removeAll(keepingCapacity: true)
        for position in range {
            let token = tokens[position]
            let tokenSymbols = symbols[token.symbols]
            nextGeneration(buffers)
            buffers.next.removeAll(keepingCapacity: true)
            for thread in buffers.current {
                guard case .consume(let testIndex) = automaton.states[Int(thread.state)].operation else { continue }
                let test = automaton.tests[Int(testIndex)]
                if test.accepts(token, symbols: tokenSymbols) {
                    var advanced = thread
                    advanced.inGap = test.kind == .anyWord
                    advanced.state = automaton.states[Int(thread.state)].next
                    addThread(advanced, position: position + 1, bounds: bounds, buffers: buffers)
                } else if token.kind == .punctuation, !(thread.inGap && token.flags.contains(.clauseBreak)),
                          buffers.visited[Int(thread.state)] != buffers.generation {
                    buffers.visited[Int(thread.state)] = buffers.generation
                    buffers.next.append(thread)
                }
            }
            startThreads(at: position, token: token, tokenSymbols: tokenSymbols, bounds: bounds, buffers: buffers)
            swap(&buffers.current, &buffers.next)
        }
    }

    private func startThreads(
        at position: Int, token: Token, tokenSymbols: ArraySlice<Int32>,
        bounds: (firstWord: Int, afterLastWord: Int), buffers: Buffers
    ) {
        func start(_ entry: Automaton.Entry) {
            if entry.requiresSentenceStart && position > bounds.firstWord { return }
            guard case .consume(let testIndex) = automaton.states[Int(entry.state)].operation else { return }
            let test = automaton.tests[Int(testIndex)]
            guard test.accepts(token, symbols: tokenSymbols) else { return }
            let thread = Thread(
                state: automaton.states[Int(entry.state)].next, start: Int32(position),
                focusStart: entry.opensFocus ? Int32(position) : -1, focusEnd: -1, inGap: test.kind == .anyWord)
            addThread(thread, position: position + 1, bounds: bounds, buffers: buffers)
        }
        for entry in automaton.unindexedEntries { start(entry) }
        for symbol in tokenSymbols {
            guard let entries = automaton.entriesBySymbol[symbol] else { continue }
            for entry in entries { start(entry) }
        }
    }

    /// Follows the non-consuming states from `thread.state` and queues the consuming ones
    /// for the next token; records accepted matches.
    private func addThread(
        _ thread: Thread, position: Int, bounds: (firstWord: Int, afterLastWord: Int), buffers: Buffers
    ) {
        buffers.pending.append(thread)
        while var thread = buffers.pending.popLast() {
            let index = Int(thread.state)
            if buffers.visited[index] == buffers.generation { continue }
            buffers.visited[index] = buffers.generation
            let state = automaton.states[index]
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
                guard position <= bounds.firstWord else { continue }
                thread.state = state.next
                buffers.pending.append(thread)
            case .assertSentenceEnd:
                guard position >= bounds.afterLastWord else { continue }
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

    private func nextGeneration(_ buffers: Buffers) {
        buffers.generation &+= 1
        if buffers.generation == 0 {
            for index in buffers.visited.indices { buffers.visited[index] = 0 }
            buffers.generation = 1
        }
    }
}
