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
/// does not name is skipped, except that clause punctuation ends a gap. A sentence that opens
/// with a short label and a colon ("Thought: nobody ever calls", "Me: am I so stupid?") starts
/// anew after the colon too, for patterns anchored at the sentence start.
///
/// A pattern with requirement groups is active in a sentence only when the sentence meets all
/// of them, found from the groups its words meet; it starts at a token only when every group
/// is met by that token or a later one; a pattern that ends the sentence (`$`) right after a
/// test of words starts only in sentences whose last word passes that test. So most patterns
/// never run and most tokens start nothing, however many rules there are. A sentence in which
/// no pattern that reports findings is active is skipped whole: exceptions, requirements, fixed
/// expressions, allowed phrases and context words only matter around findings. The hot loop
/// works on the automaton's `AutomatonTables` and on preallocated `Buffers` through raw
/// pointers: no reference counting or allocation per token.
struct Matcher: Sendable {
    struct Thread {
        var state: Int32
        var start: Int32
        var focusStart: Int32
        var focusEnd: Int32
        var inGap: Bool
    }

    /// Buffers reused between texts, sized for the automaton: thread lists hold each state at
    /// most once, the closure stack at most twice.
    final class Buffers {
        fileprivate var capacity = 0
        fileprivate var current = UnsafeMutablePointer<Thread>.allocate(capacity: 0)
        fileprivate var next = UnsafeMutablePointer<Thread>.allocate(capacity: 0)
        fileprivate var pending = UnsafeMutablePointer<Thread>.allocate(capacity: 0)
        fileprivate var visited = UnsafeMutableBufferPointer<UInt32>.allocate(capacity: 0)
        fileprivate var generation: UInt32 = 0
        /// Per requirement group, the mark of the last token that meets it. Marks number the
        /// tokens of all sentences of all texts in one increasing sequence, so a group is met in
        /// the current sentence when its mark is at least the sentence's first, and nothing is
        /// ever cleared.
        fileprivate var groupLastMark = UnsafeMutableBufferPointer<Int64>.allocate(capacity: 0)
        /// The groups the current sentence meets, and the anchored entries it activates.
        fileprivate var metGroups = UnsafeMutableBufferPointer<Int32>.allocate(capacity: 0)
        fileprivate var activeEntries = UnsafeMutableBufferPointer<Automaton.Entry>.allocate(capacity: 0)
        /// Per final-word group, the first mark of the last sentence whose last word meets it.
        fileprivate var finalGroupMark = UnsafeMutableBufferPointer<Int64>.allocate(capacity: 0)
        /// The mark of the last token of the last sentence.
        fileprivate var lastMark: Int64 = 0
        /// The matches of the last text.
        var matches: [RawMatch] = []

        fileprivate func prepare(for tables: AutomatonTables) {
            let stateCount = tables.states.count
            if capacity < stateCount {
                release()
                capacity = stateCount
                current = .allocate(capacity: stateCount)
                next = .allocate(capacity: stateCount)
                pending = .allocate(capacity: 2 * stateCount + 2)
                visited = .allocate(capacity: stateCount)
                visited.initialize(repeating: 0)
                generation = 0
            }
            if groupLastMark.count < tables.groupCount {
                groupLastMark.deallocate()
                metGroups.deallocate()
                groupLastMark = .allocate(capacity: tables.groupCount)
                groupLastMark.initialize(repeating: 0)
                metGroups = .allocate(capacity: tables.groupCount)
            }
            if finalGroupMark.count < tables.finalGroupCount {
                finalGroupMark.deallocate()
                finalGroupMark = .allocate(capacity: tables.finalGroupCount)
                finalGroupMark.initialize(repeating: 0)
            }
            if activeEntries.count < tables.anchoredEntries.count {
                activeEntries.deallocate()
                activeEntries = .allocate(capacity: tables.anchoredEntries.count)
            }
        }

        private func release() {
            current.deallocate()
            next.deallocate()
            pending.deallocate()
            visited.deallocate()
        }

        deinit {
            release()
            groupLastMark.deallocate()
            finalGroupMark.deallocate()
            metGroups.deallocate()
            activeEntries.deallocate()
        }
    }

    let tables: AutomatonTables

    init(automaton: Automaton) {
        tables = AutomatonTables(automaton)
    }

    /// Replaces `buffers.matches` with every match in `tokens`.
    func findMatches(tokens: [Token], symbols: [Int32], buffers: Buffers) {
        buffers.matches.removeAll(keepingCapacity: true)
        buffers.prepare(for: tables)
        tokens.withUnsafeBufferPointer { tokens in
            symbols.withUnsafeBufferPointer { symbols in
                var run = Run(tables: tables, tokens: tokens, symbols: symbols, buffers: buffers)
                var sentenceStart = 0
                while sentenceStart < tokens.count {
                    var sentenceEnd = sentenceStart + 1
                    while sentenceEnd < tokens.count, tokens[sentenceEnd].sentence == tokens[sentenceStart].sentence {
                        sentenceEnd += 1
                    }
                    run.matchSentence(sentenceStart..<sentenceEnd)
                    sentenceStart = sentenceEnd
                }
                buffers.generation = run.generation
                buffers.lastMark = run.lastMark
            }
        }
    }

    /// One pass over one text.
    private struct Run {
        let tables: AutomatonTables
        let tokens: UnsafeBufferPointer<Token>
        let symbols: UnsafeBufferPointer<Int32>
        let buffers: Buffers
        let visited: UnsafeMutablePointer<UInt32>
        let groupLastMark: UnsafeMutablePointer<Int64>
        let finalGroupMark: UnsafeMutablePointer<Int64>
        let metGroups: UnsafeMutablePointer<Int32>
        var metGroupCount = 0
        let activeEntries: UnsafeMutablePointer<Automaton.Entry>
        var activeCount = 0
        var lastMark: Int64
        /// The mark of token 0 of the text, for the current sentence: a token's mark is this
        /// plus its position.
        var markBase: Int64 = 0
        /// The mark of the current sentence's first token.
        var sentenceFirstMark: Int64 = 0
        var current: UnsafeMutablePointer<Thread>
        var next: UnsafeMutablePointer<Thread>
        let pending: UnsafeMutablePointer<Thread>
        var currentCount = 0
        var nextCount = 0
        var generation: UInt32
        var firstWord = 0
        /// The first word after a label that opens the sentence, or -1.
        var firstWordAfterLabel = -1
        var afterLastWord = 0

        init(tables: AutomatonTables, tokens: UnsafeBufferPointer<Token>, symbols: UnsafeBufferPointer<Int32>, buffers: Buffers) {
            self.tables = tables
            self.tokens = tokens
            self.symbols = symbols
            self.buffers = buffers
            visited = buffers.visited.baseAddress!
            groupLastMark = buffers.groupLastMark.baseAddress!
            finalGroupMark = buffers.finalGroupMark.baseAddress!
            metGroups = buffers.metGroups.baseAddress!
            activeEntries = buffers.activeEntries.baseAddress!
            lastMark = buffers.lastMark
            current = buffers.current
            next = buffers.next
            pending = buffers.pending
            generation = buffers.generation
        }

        mutating func matchSentence(_ range: Range<Int>) {
            markGroups(range)
            guard mayHoldFinding() else { return }
            firstWord = range.upperBound
            afterLastWord = range.lowerBound
            for position in range where tokens[position].isWordLike {
                if firstWord == range.upperBound { firstWord = position }
                afterLastWord = position + 1
            }
            firstWordAfterLabel = wordAfterOpeningLabel(range)
            if afterLastWord > range.lowerBound { markFinalGroups(lastWord: afterLastWord - 1) }
            currentCount = 0
            activateEntries()
            for position in range {
                let token = tokens[position]
                let tokenSymbols = UnsafeBufferPointer(rebasing: symbols[token.symbols])
                nextGeneration()
                nextCount = 0
                for index in 0..<currentCount {
                    advance(current[index], over: token, at: position, symbols: tokenSymbols)
                }
                startThreads(at: position, token: token, tokenSymbols: tokenSymbols)
                swap(&current, &next)
                currentCount = nextCount
            }
        }

        private mutating func advance(_ thread: Thread, over token: Token, at position: Int, symbols tokenSymbols: UnsafeBufferPointer<Int32>) {
            let state = tables.states[Int(thread.state)]
            guard case .consume(let testIndex) = state.operation else { return }
            let test = tables.tests[Int(testIndex)]
            if tables.accepts(test, token, tokenSymbols) {
                var advanced = thread
                advanced.inGap = test.kind == .anyWord
                advanced.state = state.next
                addThread(advanced, position: position + 1)
            } else if token.kind == .punctuation,
                      !(token.flags.contains(.clauseBreak) && (thread.inGap || test.kind == .anyWord)),
                      visited[Int(thread.state)] != generation {
                visited[Int(thread.state)] = generation
                var skipping = thread
                // A focus opened just before a skipped mark starts after it: `He "never"`
                // reports `never`, not `"never`.
                if skipping.focusStart == Int32(position) { skipping.focusStart += 1 }
                next[nextCount] = skipping
                nextCount += 1
            }
        }

        private mutating func startThreads(at position: Int, token: Token, tokenSymbols: UnsafeBufferPointer<Int32>) {
            for entry in tables.unindexedEntries {
                start(entry, at: position, token: token, tokenSymbols: tokenSymbols, isIndexed: false)
            }
            for symbol in tokenSymbols {
                var entryIndex = Int(tables.entryStarts[Int(symbol)])
                for run in tables.entryRuns[Int(tables.runStarts[Int(symbol)])..<Int(tables.runStarts[Int(symbol) + 1])] {
                    defer { entryIndex = Int(run.end) }
                    if run.group >= 0 && !meets(group: Int(run.group), from: position) { continue }
                    for index in entryIndex..<Int(run.end) {
                        start(tables.indexedEntries[index], at: position, token: token, tokenSymbols: tokenSymbols, isIndexed: true)
                    }
                }
            }
            // An active entry whose groups are no longer met at or after this token never
            // will be again in this sentence: it is dropped, keeping the others in order.
            var kept = 0
            for index in 0..<activeCount {
                let entry = activeEntries[index]
                guard meetsRequirements(entry, from: position) else { continue }
                activeEntries[kept] = entry
                kept += 1
                start(entry, at: position, token: token, tokenSymbols: tokenSymbols, isIndexed: false)
            }
            activeCount = kept
        }

        /// Whether some pattern that reports findings has every requirement group met in the
        /// sentence; if none has, nothing in the sentence can become a finding.
        private func mayHoldFinding() -> Bool {
            if tables.hasUngatedFindingPattern { return true }
            for index in 0..<metGroupCount {
                let group = Int(metGroups[index])
                for requirements in tables.findingRequirements[Int(tables.findingRequirementStarts[group])..<Int(tables.findingRequirementStarts[group + 1])]
                where sentenceMeetsGroupsAfterAnchor(requirements) {
                    return true
                }
            }
            return false
        }

        /// Whether the sentence meets every group of `requirements` after the first (the anchor,
        /// already known to be met).
        private func sentenceMeetsGroupsAfterAnchor(_ requirements: Automaton.RequirementRange) -> Bool {
            for index in Int(requirements.start + 1)..<Int(requirements.end)
            where groupLastMark[Int(tables.entryGroups[index])] < sentenceFirstMark {
                return false
            }
            return true
        }

        /// Collects the anchored entries whose every requirement group the sentence meets.
        private mutating func activateEntries() {
            activeCount = 0
            for index in 0..<metGroupCount {
                let group = Int(metGroups[index])
                for entryIndex in Int(tables.anchorStarts[group])..<Int(tables.anchorStarts[group + 1]) {
                    let entry = tables.anchoredEntries[entryIndex]
                    if sentenceMeetsGroupsAfterAnchor(entry.requirements) && endsRight(entry) {
                        activeEntries[activeCount] = entry
                        activeCount += 1
                    }
                }
            }
        }

        /// Records, for each requirement group, the last token of the sentence that meets it.
        private mutating func markGroups(_ range: Range<Int>) {
            sentenceFirstMark = lastMark + 1
            markBase = sentenceFirstMark - Int64(range.lowerBound)
            lastMark = markBase + Int64(range.upperBound - 1)
            metGroupCount = 0
            for position in range {
                for symbol in symbols[tokens[position].symbols] where Int(symbol) + 1 < tables.groupStarts.count {
                    let first = Int(tables.groupStarts[Int(symbol)])
                    let end = Int(tables.groupStarts[Int(symbol) + 1])
                    for index in first..<end {
                        let group = Int(tables.groupsBySymbol[index])
                        if groupLastMark[group] < sentenceFirstMark {
                            metGroups[metGroupCount] = Int32(group)
                            metGroupCount += 1
                        }
                        groupLastMark[group] = markBase + Int64(position)
                    }
                }
            }
        }

        /// Records the final-word groups that the sentence's last word meets.
        private mutating func markFinalGroups(lastWord position: Int) {
            for symbol in symbols[tokens[position].symbols] where Int(symbol) + 1 < tables.finalGroupStarts.count {
                for index in Int(tables.finalGroupStarts[Int(symbol)])..<Int(tables.finalGroupStarts[Int(symbol) + 1]) {
                    finalGroupMark[Int(tables.finalGroupsBySymbol[index])] = sentenceFirstMark
                }
            }
        }

        /// Whether the sentence's last word meets the final-word group of `entry`, if it has one.
        private func endsRight(_ entry: Automaton.Entry) -> Bool {
            entry.finalGroup < 0 || finalGroupMark[Int(entry.finalGroup)] >= sentenceFirstMark
        }

        /// Whether every requirement group of `entry` is met at `position` or after it in the
        /// sentence: a match starting there lies wholly in that stretch.
        /// `skippingFirst`: the first group is already known to be met (an indexed entry's run
        /// checked it).
        private func meetsRequirements(_ entry: Automaton.Entry, from position: Int, skippingFirst: Bool = false) -> Bool {
            let first = skippingFirst ? min(entry.requirements.start + 1, entry.requirements.end) : entry.requirements.start
            for index in Int(first)..<Int(entry.requirements.end)
            where !meets(group: Int(tables.entryGroups[index]), from: position) {
                return false
            }
            return true
        }

        /// Whether a token at `position` or after it in the sentence meets `group`.
        private func meets(group: Int, from position: Int) -> Bool {
            groupLastMark[group] >= markBase + Int64(position)
        }

        /// Starts `entry` at `position` if the sentence allows it and its first test accepts
        /// the token. An indexed entry was found under one of the token's symbols, which its
        /// (positive) first test holds, so only its requirement groups and the token's kind are
        /// left to check. Other entries have no groups or are active ones, already checked.
        private mutating func start(
            _ entry: Automaton.Entry, at position: Int, token: Token, tokenSymbols: UnsafeBufferPointer<Int32>, isIndexed: Bool
        ) {
            if isIndexed && !endsRight(entry) { return }
            if entry.requiresSentenceStart && !isSentenceStart(position) { return }
            if isIndexed && !meetsRequirements(entry, from: position, skippingFirst: true) { return }
            let state = tables.states[Int(entry.state)]
            guard case .consume(let testIndex) = state.operation else { return }
            let test = tables.tests[Int(testIndex)]
            if isIndexed {
                guard test.kind == .punctuation ? token.kind == .punctuation : token.isWordLike else { return }
            } else {
                guard tables.accepts(test, token, tokenSymbols) else { return }
            }
            let thread = Thread(
                state: state.next, start: Int32(position), focusStart: entry.opensFocus ? Int32(position) : -1,
                focusEnd: -1, inGap: test.kind == .anyWord)
            addThread(thread, position: position + 1)
        }

        /// Follows the non-consuming states from `thread.state` and queues the consuming ones
        /// for the next token; records accepted matches.
        private mutating func addThread(_ thread: Thread, position: Int) {
            var pendingCount = 1
            pending[0] = thread
            while pendingCount > 0 {
                pendingCount -= 1
                var thread = pending[pendingCount]
                let index = Int(thread.state)
                if visited[index] == generation { continue }
                visited[index] = generation
                let state = tables.states[index]
                switch state.operation {
                case .consume:
                    next[nextCount] = thread
                    nextCount += 1
                    continue
                case .split(let alternative):
                    var other = thread
                    other.state = alternative
                    pending[pendingCount] = other
                    pendingCount += 1
                case .assertSentenceStart:
                    guard isSentenceStart(position) else { continue }
                case .assertSentenceEnd:
                    guard position >= afterLastWord else { continue }
                case .focusOpen:
                    thread.focusStart = Int32(position)
                case .focusClose:
                    thread.focusEnd = Int32(position)
                case .accept(let target):
                    let start = Int(thread.start)
                    buffers.matches.append(RawMatch(
                        target: target, start: start, end: position,
                        focusStart: thread.focusStart >= 0 ? Int(thread.focusStart) : start,
                        focusEnd: thread.focusEnd >= 0 ? Int(thread.focusEnd) : position))
                    continue
                }
                thread.state = state.next
                pending[pendingCount] = thread
                pendingCount += 1
            }
        }

        private func isSentenceStart(_ position: Int) -> Bool {
            position <= firstWord || position == firstWordAfterLabel
        }

        /// The first word after one to three words and a colon that open `range`, or -1.
        private func wordAfterOpeningLabel(_ range: Range<Int>) -> Int {
            var labelWords = 0
            var position = firstWord
            while position < range.upperBound {
                let token = tokens[position]
                if token.isWordLike {
                    labelWords += 1
                    if labelWords > 3 { return -1 }
                } else if token.flags.contains(.colon) && labelWords > 0 {
                    break
                } else {
                    return -1
                }
                position += 1
            }
            position += 1
            while position < range.upperBound, !tokens[position].isWordLike { position += 1 }
            return position < range.upperBound ? position : -1
        }

        private mutating func nextGeneration() {
            generation &+= 1
            if generation == 0 {
                for index in 0..<tables.states.count { visited[index] = 0 }
                generation = 1
            }
        }
    }
}
