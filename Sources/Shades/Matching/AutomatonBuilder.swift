/// Compiles patterns into one `Automaton`, expanding `@class` references and turning words
/// into vocabulary symbols. Alternatives of single words (and classes of single words) become
/// one state that tests a symbol set, so a class of a hundred words costs one lookup.
struct AutomatonBuilder {
    private var automaton = Automaton()
    private var entriesBySymbol: [Int32: [Automaton.Entry]] = [:]
    private var entriesByAnchor: [Int32: [Automaton.Entry]] = [:]
    /// The requirement ranges (in `entryGroups`) of the patterns that report findings, by
    /// their first group.
    private var findingRequirementsByAnchor: [Int32: [Automaton.RequirementRange]] = [:]
    private(set) var vocabulary: Vocabulary
    private let classes: [String: WordClass]
    private let normalize: (String) -> String
    private var expanding: [String] = []
    private var anyWordTest: Int32?
    private var testIndex: [TestKey: Int32] = [:]
    /// The symbol of each word as written in a pattern (normalising costs an ICU call).
    private var wordSymbols: [String: Int32] = [:]
    /// The symbols of each class that holds only single words (nil: it holds longer phrases).
    private var classSymbols: [String: [Int32]?] = [:]
    /// The requirement groups of each class that holds phrases, once worked out.
    private var classRequirements: [String: [[Int32]]] = [:]
    /// The one-word members (as symbols) and the longer members of each class that holds
    /// phrases, nested classes opened, once worked out.
    private var classMembers: [String: (words: [Int32], phrases: [Pattern])] = [:]
    /// Requirement groups, and final-word groups (see `finalWordGroup(from:statesFrom:)`).
    private var requirementGroups = SymbolSets()
    private var finalGroups = SymbolSets()
    /// How often each word or prefix symbol is guessed to occur, from its length (short words
    /// are the common ones), to pick and order the requirement groups that fail most often;
    /// indexed by symbol, 1 where nothing was guessed.
    private var estimatedFrequency: [Int] = []

    init(vocabulary: Vocabulary, classes: [String: WordClass], normalize: @escaping (String) -> String) {
        self.vocabulary = vocabulary
        self.classes = classes
        self.normalize = normalize
    }

    /// Adds a pattern whose matches report `target`. `reportsFindings`: its matches can become
    /// findings by themselves (a rule's pattern, not an exception, requirement or context), so a
    /// sentence where no such pattern can match is not matched at all.
    mutating func add(_ pattern: Located<Pattern>, target: Int32, reportsFindings: Bool) throws(LexiconError) {
        let accept = addState(.accept(target: target), next: -1)
        let start = try compile(pattern.value, next: accept, at: pattern.location)
        // The rarest group comes first: it anchors the pattern's entries and is checked first.
        var groups: [Int32] = []
        let required = try requirements(pattern.value, at: pattern.location)
            .map { (symbols: $0, frequency: frequency(of: $0)) }
            .sorted { $0.frequency < $1.frequency }
            .map(\.symbols)
        for id in required.map({ requirementGroups.id(of: $0) }) where !groups.contains(id) {
            groups.append(id)
        }
        let requirements = Automaton.RequirementRange(
            start: Int32(automaton.entryGroups.count), end: Int32(automaton.entryGroups.count + groups.count))
        automaton.entryGroups += groups
        if reportsFindings {
            if let anchor = groups.first {
                findingRequirementsByAnchor[anchor, default: []].append(requirements)
            } else {
                automaton.hasUngatedFindingPattern = true
            }
        }
        try addEntries(
            from: start, requirements: requirements, finalGroup: finalWordGroup(from: start, statesFrom: accept),
            anchorFrequency: required.first.map { frequency(of: $0) }, at: pattern.location)
    }

    /// The automaton with its entries indexed; call once all patterns are added.
    func build() -> Automaton {
        var automaton = self.automaton
        let entryGroups = automaton.entryGroups
        let firstGroup = { (entry: Automaton.Entry) -> Int32 in
            entry.requirements.start < entry.requirements.end ? entryGroups[Int(entry.requirements.start)] : -1
        }
        for symbol in 0..<Int32(vocabulary.symbolCount) {
            // Stable, so the entries of one pattern keep their order.
            let entries = (entriesBySymbol[symbol] ?? []).enumerated()
                .sorted { (firstGroup($0.element), $0.offset) < (firstGroup($1.element), $1.offset) }
                .map(\.element)
            let symbolRuns = automaton.entryRuns.count
            for entry in entries {
                automaton.indexedEntries.append(entry)
                let run = Automaton.EntryRun(group: firstGroup(entry), end: Int32(automaton.indexedEntries.count))
                if automaton.entryRuns.count > symbolRuns, automaton.entryRuns[automaton.entryRuns.count - 1].group == run.group {
                    automaton.entryRuns[automaton.entryRuns.count - 1] = run
                } else {
                    automaton.entryRuns.append(run)
                }
            }
            automaton.entryStarts.append(Int32(automaton.indexedEntries.count))
            automaton.runStarts.append(Int32(automaton.entryRuns.count))
            automaton.groupsBySymbol += requirementGroups.setsBySymbol[symbol] ?? []
            automaton.groupStarts.append(Int32(automaton.groupsBySymbol.count))
            automaton.finalGroupsBySymbol += finalGroups.setsBySymbol[symbol] ?? []
            automaton.finalGroupStarts.append(Int32(automaton.finalGroupsBySymbol.count))
        }
        automaton.groupCount = requirementGroups.count
        automaton.finalGroupCount = finalGroups.count
        for group in 0..<Int32(requirementGroups.count) {
            automaton.anchoredEntries += entriesByAnchor[group] ?? []
            automaton.anchorStarts.append(Int32(automaton.anchoredEntries.count))
            automaton.findingRequirements += findingRequirementsByAnchor[group] ?? []
            automaton.findingRequirementStarts.append(Int32(automaton.findingRequirements.count))
        }
        return automaton
    }

    /// The symbol of a word that a pattern or a marker list names. A typed form that a spelling
    /// reads as several words is never a token of its own, so naming it is an error.
    mutating func symbol(forWord word: String, at location: SourceLocation) throws(LexiconError) -> Int32 {
        let normalized = normalize(word)
        if let words = vocabulary.expansion(ofWord: normalized) {
            let standard = words.joined(separator: " ")
            throw LexiconError(location, "'\(word)' is read as '\(standard)' (a spelling), so it never matches on its own; write '\(standard)' instead")
        }
        return vocabulary.symbol(forWord: normalized)
    }

    // MARK: - Compiling

    private mutating func compile(_ pattern: Pattern, next: Int32, at location: SourceLocation) throws(LexiconError) -> Int32 {
        switch pattern {
        case .word, .prefix:
            return addState(.consume(test: test(.words, try singleTokenSymbols(pattern, at: location)!)), next: next)
        case .punctuation(let mark):
            let symbol = vocabulary.symbol(forWord: mark)
            guess(Self.frequencyGuess(length: 1), for: symbol)
            return addState(.consume(test: test(.punctuation, [symbol])), next: next)
        case .negated(let inner):
            guard let symbols = try singleTokenSymbols(inner, at: location) else {
                throw LexiconError(location, "'!' needs a single word, wildcard or class of single words")
            }
            return addState(.consume(test: test(.notWords, symbols)), next: next)
        case .classReference(let name):
            if let symbols = try singleTokenSymbols(pattern, at: location) {
                return addState(.consume(test: test(.words, symbols)), next: next)
            }
            let (words, phrases) = try flattened(name, at: location)
            return try compileAlternatives(words: words, phrases: phrases, next: next, at: location)
        case .sequence(let items):
            var start = next
            for item in items.reversed() {
                start = try compile(item, next: start, at: location)
            }
            return start
        case .alternatives(let branches):
            // Every branch that is one word becomes part of a single test, however deep in
            // nested classes it sits: a class of a hundred words and three phrases costs a live
            // thread for the words and one for each phrase, not a hundred and three.
            var words: [Int32] = []
            var phrases: [Pattern] = []
            try flatten(branches, words: &words, phrases: &phrases, at: location)
            return try compileAlternatives(words: words, phrases: phrases, next: next, at: location)
        case .optional(let inner):
            let innerStart = try compile(inner, next: next, at: location)
            return addState(.split(alternative: next), next: innerStart)
        case .gap(let min, let max):
            let any = anyWord()
            var start = next
            for _ in 0..<(max - min) {
                let consume = addState(.consume(test: any), next: start)
                start = addState(.split(alternative: next), next: consume)
            }
            for _ in 0..<min {
                start = addState(.consume(test: any), next: start)
            }
            return start
        case .sentenceStart:
            return addState(.assertSentenceStart, next: next)
        case .sentenceEnd:
            return addState(.assertSentenceEnd, next: next)
        case .focus(let inner):
            let close = addState(.focusClose, next: next)
            let innerStart = try compile(inner, next: close, at: location)
            return addState(.focusOpen, next: innerStart)
        }
    }

    /// One test for the one-word branches and a path for each longer one, all going on to `next`.
    private mutating func compileAlternatives(
        words: [Int32], phrases: [Pattern], next: Int32, at location: SourceLocation
    ) throws(LexiconError) -> Int32 {
        if phrases.isEmpty { return addState(.consume(test: test(.words, words)), next: next) }
        var compiled: [Int32] = []
        if !words.isEmpty { compiled.append(addState(.consume(test: test(.words, words)), next: next)) }
        for phrase in phrases { compiled.append(try compile(phrase, next: next, at: location)) }
        var start = compiled[compiled.count - 1]
        for branchStart in compiled.dropLast().reversed() {
            start = addState(.split(alternative: start), next: branchStart)
        }
        return start
    }

    /// The members of class `name`, flattened (see `flatten`), worked out once per class.
    private mutating func flattened(_ name: String, at location: SourceLocation) throws(LexiconError) -> (words: [Int32], phrases: [Pattern]) {
        if let known = classMembers[name] { return known }
        let members = try expand(name, at: location)
        defer { expanding.removeLast() }
        var words: [Int32] = []
        var phrases: [Pattern] = []
        try flatten(members, words: &words, phrases: &phrases, at: location)
        let result = (words: Self.sortedUnique(words), phrases: phrases)
        classMembers[name] = result
        return result
    }

    /// Sorts alternatives into the symbols of those that are one word and the other
    /// branches, opening nested alternatives and classes.
    private mutating func flatten(
        _ branches: [Pattern], words: inout [Int32], phrases: inout [Pattern], at location: SourceLocation
    ) throws(LexiconError) {
        for branch in branches {
            if let symbols = try singleTokenSymbols(branch, at: location) {
                words += symbols
                continue
            }
            switch branch {
            case .alternatives(let inner):
                try flatten(inner, words: &words, phrases: &phrases, at: location)
            case .classReference(let name):
                let members = try flattened(name, at: location)
                words += members.words
                phrases += members.phrases
            default:
                phrases.append(branch)
            }
        }
    }

    /// The symbols of a pattern that always matches exactly one word by a positive set.
    private mutating func singleTokenSymbols(_ pattern: Pattern, at location: SourceLocation) throws(LexiconError) -> [Int32]? {
        switch pattern {
        case .word(let word):
            if let known = wordSymbols[word] { return [known] }
            let symbol = try symbol(forWord: word, at: location)
            guess(Self.frequencyGuess(length: word.utf8.count), for: symbol)
            wordSymbols[word] = symbol
            return [symbol]
        case .prefix(let prefix):
            let normalized = normalize(prefix)
            guard normalized.utf8.count <= Vocabulary.maximumPrefixLength else {
                throw LexiconError(location, "'\(prefix)*' is too long for a prefix; use at most \(Vocabulary.maximumPrefixLength) bytes before the '*'")
            }
            let symbol = vocabulary.symbol(forPrefix: normalized)
            // A prefix stands for several words.
            guess(2 * Self.frequencyGuess(length: prefix.utf8.count), for: symbol)
            return [symbol]
        case .alternatives(let branches):
            var union: [Int32] = []
            for branch in branches {
                guard let symbols = try singleTokenSymbols(branch, at: location) else { return nil }
                union += symbols
            }
            return union
        case .classReference(let name):
            if let known = classSymbols[name] { return known }
            let members = try expand(name, at: location)
            defer { expanding.removeLast() }
            let symbols = try singleTokenSymbols(.alternatives(members), at: location)
            classSymbols[name] = .some(symbols)
            return symbols
        default:
            return nil
        }
    }

    private static let tokensPerSentence = 16

    /// Short words are the common ones ("a", "to", "for", "that"); each letter fewer
    /// makes a word several times likelier in journal text.
    private static func frequencyGuess(length: Int) -> Int {
        switch length {
        case ...2: 64
        case 3: 16
        case 4: 4
        default: 1
        }
    }

    private mutating func expand(_ name: String, at location: SourceLocation) throws(LexiconError) -> [Pattern] {
        guard let wordClass = classes[name] else {
            throw LexiconError(location, "unknown class '@\(name)' (define it with 'class \(name)')")
        }
        guard !expanding.contains(name) else {
            throw LexiconError(location, "the class '@\(name)' refers to itself through \(expanding.joined(separator: " → "))")
        }
        expanding.append(name)
        return wordClass.members.map(\.value)
    }

    // MARK: - States, tests and entries

    private mutating func addState(_ operation: Automaton.Operation, next: Int32) -> Int32 {
        automaton.states.append(Automaton.State(operation: operation, next: next))
        return Int32(automaton.states.count - 1)
    }

    private struct TestKey: Hashable {
        let kind: Automaton.TokenTest.Kind
        let symbols: [Int32]
    }

    private mutating func test(_ kind: Automaton.TokenTest.Kind, _ symbols: [Int32]) -> Int32 {
        let sorted = Self.sortedUnique(symbols)
        let key = TestKey(kind: kind, symbols: sorted)
        if let existing = testIndex[key] { return existing }
        let start = Int32(automaton.testSymbols.count)
        automaton.testSymbols += sorted
        automaton.tests.append(Automaton.TokenTest(kind: kind, symbolStart: start, symbolEnd: Int32(automaton.testSymbols.count)))
        let index = Int32(automaton.tests.count - 1)
        testIndex[key] = index
        return index
    }

    private mutating func anyWord() -> Int32 {
        if let anyWordTest { return anyWordTest }
        let index = test(.anyWord, [])
        anyWordTest = index
        return index
    }

    /// What every match of `pattern` needs in its sentence: a list of symbol sets, each of
    /// which the sentence must meet with at least one token (an AND of ORs; empty when nothing
    /// can be said). Words, wildcards and classes are one set; a sequence needs what each of
    /// its required items needs; alternatives need one of their branches, so the union of one
    /// set from each branch.
    private mutating func requirements(_ pattern: Pattern, at location: SourceLocation) throws(LexiconError) -> [[Int32]] {
        if let symbols = try singleTokenSymbols(pattern, at: location) { return [symbols] }
        switch pattern {
        case .sequence(let items):
            var all: [[Int32]] = []
            for item in items { all += try requirements(item, at: location) }
            return all
        case .focus(let inner):
            return try requirements(inner, at: location)
        case .classReference(let name):
            if let known = classRequirements[name] { return known }
            let members = try expand(name, at: location)
            defer { expanding.removeLast() }
            let required = try requirements(.alternatives(members), at: location)
            classRequirements[name] = required
            return required
        case .alternatives(let branches):
            var union: Set<Int32> = []
            for branch in branches {
                guard let rarest = try requirements(branch, at: location)
                    .map({ (symbols: $0, frequency: frequency(of: $0)) })
                    .min(by: { $0.frequency < $1.frequency })
                else { return [] }
                union.formUnion(rarest.symbols)
            }
            return [union.sorted()]
        case .word, .prefix, .punctuation, .negated, .optional, .gap, .sentenceStart, .sentenceEnd:
            return []
        }
    }

    /// The final-word group of the pattern compiled from `start` into the states from `first`
    /// on, or -1. A pattern has one when every way through it passes `$` and every test that
    /// can come right before a `$` is a positive set of words: a match then ends with the
    /// sentence's last word, which holds one of those symbols. (`$` holds after the last word,
    /// and a test of words takes only words.)
    private mutating func finalWordGroup(from start: Int32, statesFrom first: Int32) -> Int32 {
        let states = automaton.states[Int(first)...]
        guard states.contains(where: { $0.operation == .assertSentenceEnd }) else { return -1 }
        // Whether a `$` follows each state without a token consumed. Patterns hold no loops,
        // so the epsilon edges go one way and a few passes settle it.
        var reachesEnd = [Bool](repeating: false, count: states.count)
        var changed = true
        while changed {
            changed = false
            for (offset, state) in zip(reachesEnd.indices, states) where !reachesEnd[offset] {
                let reaches = switch state.operation {
                case .assertSentenceEnd: true
                case .split(let alternative): reachesEnd[Int(state.next - first)] || reachesEnd[Int(alternative - first)]
                case .assertSentenceStart, .focusOpen, .focusClose: reachesEnd[Int(state.next - first)]
                case .consume, .accept: false
                }
                if reaches {
                    reachesEnd[offset] = true
                    changed = true
                }
            }
        }
        if reachesEnd[Int(start - first)] { return -1 }
        // Is an accept reachable without passing a `$`?
        var visited = [Bool](repeating: false, count: states.count)
        var pending = [start]
        while let index = pending.popLast() {
            guard !visited[Int(index - first)] else { continue }
            visited[Int(index - first)] = true
            let state = automaton.states[Int(index)]
            switch state.operation {
            case .accept: return -1
            case .assertSentenceEnd: continue
            case .split(let alternative): pending += [state.next, alternative]
            default: pending.append(state.next)
            }
        }
        var symbols: [Int32] = []
        for state in states {
            guard case .consume(let testIndex) = state.operation, reachesEnd[Int(state.next - first)] else { continue }
            let test = automaton.tests[Int(testIndex)]
            guard test.kind == .words else { return -1 }
            symbols += automaton.testSymbols[Int(test.symbolStart)..<Int(test.symbolEnd)]
        }
        return symbols.isEmpty ? -1 : finalGroups.id(of: symbols)
    }

    private mutating func guess(_ frequency: Int, for symbol: Int32) {
        if Int(symbol) >= estimatedFrequency.count {
            estimatedFrequency += repeatElement(1, count: Int(symbol) + 1 - estimatedFrequency.count)
        }
        estimatedFrequency[Int(symbol)] = frequency
    }

    /// How often a sentence is guessed to meet a group of symbols: the sum of their guesses.
    private func frequency(of symbols: [Int32]) -> Int {
        symbols.reduce(0) { $0 + (Int($1) < estimatedFrequency.count ? estimatedFrequency[Int($1)] : 1) }
    }

    /// Distinct symbol sets with dense ids, shared by every pattern that needs one, and the
    /// sets each symbol is in.
    private struct SymbolSets {
        private var ids: [[Int32]: Int32] = [:]
        private(set) var setsBySymbol: [Int32: [Int32]] = [:]

        var count: Int { ids.count }

        mutating func id(of symbols: [Int32]) -> Int32 {
            let sorted = AutomatonBuilder.sortedUnique(symbols)
            if let existing = ids[sorted] { return existing }
            let id = Int32(ids.count)
            ids[sorted] = id
            for symbol in sorted { setsBySymbol[symbol, default: []].append(id) }
            return id
        }
    }

    /// Indexes the consuming states reachable from `start` without consuming anything.
    /// An entry is anchored on the pattern's rarest requirement group (`anchorFrequency`, nil
    /// when there is none) when fewer sentences meet that group than tokens pass the entry's
    /// first test; otherwise it is indexed by the symbols of its first test. An anchored entry
    /// is tried at every token of the sentences that activate it, an indexed one at the tokens
    /// with its symbols, so a word counts `tokensPerSentence` times more for the anchor.
    private mutating func addEntries(
        from start: Int32, requirements: Automaton.RequirementRange, finalGroup: Int32, anchorFrequency: Int?,
        at location: SourceLocation
    ) throws(LexiconError) {
        var visited: Set<Int32> = []
        var pending: [(state: Int32, requiresSentenceStart: Bool, opensFocus: Bool)] = [(start, false, false)]
        while let (index, requiresSentenceStart, opensFocus) = pending.popLast() {
            guard visited.insert(index).inserted else { continue }
            let state = automaton.states[Int(index)]
            switch state.operation {
            case .consume(let testIndex):
                let entry = Automaton.Entry(
                    state: index, requiresSentenceStart: requiresSentenceStart, opensFocus: opensFocus,
                    finalGroup: finalGroup, requirements: requirements)
                let test = automaton.tests[Int(testIndex)]
                let testSymbols = Array(automaton.testSymbols[Int(test.symbolStart)..<Int(test.symbolEnd)])
                let isPositive = test.kind == .words || test.kind == .punctuation
                if let anchorFrequency, !isPositive || anchorFrequency * Self.tokensPerSentence < frequency(of: testSymbols) {
                    entriesByAnchor[automaton.entryGroups[Int(requirements.start)], default: []].append(entry)
                } else if isPositive {
                    for symbol in testSymbols {
                        entriesBySymbol[symbol, default: []].append(entry)
                    }
                } else {
                    automaton.unindexedEntries.append(entry)
                }
            case .split(let alternative):
                pending.append((alternative, requiresSentenceStart, opensFocus))
                pending.append((state.next, requiresSentenceStart, opensFocus))
            case .assertSentenceStart:
                pending.append((state.next, true, opensFocus))
            case .assertSentenceEnd:
                continue
            case .focusOpen:
                pending.append((state.next, requiresSentenceStart, true))
            case .focusClose:
                pending.append((state.next, requiresSentenceStart, opensFocus))
            case .accept:
                throw LexiconError(location, "this pattern can match nothing at all; give it at least one required word")
            }
        }
    }

    private static func sortedUnique(_ symbols: [Int32]) -> [Int32] {
        var sorted = symbols.sorted()
        var kept = 0
        for symbol in sorted where kept == 0 || sorted[kept - 1] != symbol {
            sorted[kept] = symbol
            kept += 1
        }
        sorted.removeSubrange(kept...)
        return sorted
    }
}
