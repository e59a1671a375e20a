/// The compiled form of an analyzer's lexicons and the analysis itself; shared, immutable.
final class Engine: Sendable {
    /// What a compiled pattern reports when it matches.
    enum Target: Sendable, Equatable {
        /// A rule's pattern (indices into `rules` and the rule's `patterns`).
        case rule(Int, pattern: Int)
        /// An `except:` pattern, of every rule that has it (compiled once however many do);
        /// `patterns[i]` is its index among the exceptions of `rules[i]`.
        case exception(rules: [Int], patterns: [Int])
        /// An `except-after:` pattern, of every rule that has it (compiled once however many
        /// do); `patterns[i]` is its index among the exceptions-after of `rules[i]`.
        case exceptionAfter(rules: [Int], patterns: [Int])
        /// A `requires:` pattern, of every rule that has it (compiled once however many do).
        case requirement(rules: [Int])
        /// A fixed expression ("all right", "for good"): findings whose focus it overlaps are
        /// dropped, unless the focus holds the whole expression and more ("ruined for good").
        case fixed
        /// An allowed phrase from the configuration: findings whose focus it overlaps are dropped.
        case allowedPhrase
        case context(ContextKind)
    }

    /// Word classes with reserved names that describe context rather than distortion; the raw
    /// value indexes per-kind arrays.
    enum ContextKind: Int, Sendable, CaseIterable {
        case negation, hedge, booster, reporting
        /// Absolute words and phrases beyond the index markers, for `stacked`.
        case absolute
        /// The writer disputing what they just wrote ("…, but that's not really true"): a
        /// finding of the four categories followed by one in its sentence is dropped.
        case dispute

        /// The name of the word class, e.g. `negation`.
        var className: String { "\(self)" }
    }

    /// An exception or requirement pattern, as the key that lets rules share its compiled form.
    private struct SharedPattern: Hashable {
        enum Kind { case exception, exceptionAfter, requirement }
        let kind: Kind
        let pattern: Pattern
    }

    /// What assembling findings asks of a rule, kept apart so the per-match work copies no
    /// strings or arrays.
    struct RuleTraits {
        let category: Category
        let negation: Rule.NegationPolicy
        let overlap: Rule.OverlapPolicy
        let hasRequirements: Bool
    }

    let rules: [Rule]
    /// `rules`' traits, by rule index.
    let ruleTraits: [RuleTraits]
    let configuration: Analyzer.Configuration
    let tokenizer: Tokenizer
    let matcher: Matcher
    let targets: [Target]
    /// Whether each symbol is one of the absolutist marker words, by symbol.
    let isMarkerSymbol: [Bool]
    private let pool = WorkspacePool()

    init(lexicons: [Lexicon], configuration: Analyzer.Configuration) throws(LexiconError) {
        let icu = BreakIterators()
        let normalize = { (word: String) in Normalizer.normalize(word, icu: icu) }
        var classes: [String: WordClass] = [:]
        var vocabulary = Vocabulary()
        for lexicon in lexicons {
            for wordClass in lexicon.classes {
                if let earlier = classes[wordClass.name] {
                    throw LexiconError(wordClass.location, "class '\(wordClass.name)' is already defined at \(earlier.location)")
                }
                classes[wordClass.name] = wordClass
            }
            for spelling in lexicon.spellings {
                vocabulary.addSpelling(typed: normalize(spelling.value.typed), standard: spelling.value.standard.map(normalize))
            }
        }
        var builder = AutomatonBuilder(vocabulary: vocabulary, classes: classes, normalize: normalize)
        var targets: [Target] = []
        func add(_ pattern: Located<Pattern>, _ target: Target) throws(LexiconError) {
            let reportsFindings = if case .rule = target { true } else { false }
            try builder.add(pattern, target: Int32(targets.count), reportsFindings: reportsFindings)
            targets.append(target)
        }
        // Rules often share an exception or requirement ("except: @others-think-i-am",
        // "requires: @first-person"): each is compiled once, its target naming every rule.
        var sharedTargets: [SharedPattern: Int] = [:]
        func addShared(_ pattern: Located<Pattern>, rule: Int, index patternIndex: Int, kind: SharedPattern.Kind) throws(LexiconError) {
            let key = SharedPattern(kind: kind, pattern: pattern.value)
            guard let index = sharedTargets[key] else {
                sharedTargets[key] = targets.count
                let target: Target = switch kind {
                case .exception: .exception(rules: [rule], patterns: [patternIndex])
                case .exceptionAfter: .exceptionAfter(rules: [rule], patterns: [patternIndex])
                case .requirement: .requirement(rules: [rule])
                }
                try add(pattern, target)
                return
            }
            switch targets[index] {
            case .exception(let rules, let patterns): targets[index] = .exception(rules: rules + [rule], patterns: patterns + [patternIndex])
            case .exceptionAfter(let rules, let patterns):
                targets[index] = .exceptionAfter(rules: rules + [rule], patterns: patterns + [patternIndex])
            case .requirement(let rules): targets[index] = .requirement(rules: rules + [rule])
            case .rule, .fixed, .allowedPhrase, .context: preconditionFailure("only exceptions and requirements are shared")
            }
        }

        var rules: [Rule] = []
        var ruleLocations: [String: SourceLocation] = [:]
        for lexicon in lexicons {
            for rule in lexicon.rules {
                if let earlier = ruleLocations[rule.id] {
                    throw LexiconError(rule.location, "rule '\(rule.id)' is already defined at \(earlier)")
                }
                ruleLocations[rule.id] = rule.location
                if configuration.disabledRules.contains(rule.id) { continue }
                if rule.category == .safety && !configuration.reportsSafety { continue }
                for (index, pattern) in rule.compiledPatterns.enumerated() { try add(pattern, .rule(rules.count, pattern: index)) }
                for (index, pattern) in rule.compiledExceptions.enumerated() {
                    try addShared(pattern, rule: rules.count, index: index, kind: .exception)
                }
                for (index, pattern) in rule.compiledExceptionsAfter.enumerated() {
                    try addShared(pattern, rule: rules.count, index: index, kind: .exceptionAfter)
                }
                for (index, pattern) in rule.compiledRequirements.enumerated() {
                    try addShared(pattern, rule: rules.count, index: index, kind: .requirement)
                }
                rules.append(rule)
            }
            for fixed in lexicon.fixedExpressions {
                for pattern in fixed.patterns { try add(pattern, .fixed) }
            }
        }
        for id in configuration.disabledRules.sorted() where ruleLocations[id] == nil {
            throw LexiconError(file: "disabled rules", line: 0, message: "no rule has the id '\(id)'")
        }
        for phrase in configuration.allowedPhrases {
            let location = SourceLocation(file: "allowed phrase '\(phrase)'", line: 0)
            let pattern: Pattern
            do {
                pattern = try PatternParser.parse(phrase)
            } catch {
                throw LexiconError(location, error.message)
            }
            try add(Located(value: pattern, location: location), .allowedPhrase)
        }
        for kind in ContextKind.allCases {
            guard let wordClass = classes[kind.className] else { continue }
            try add(Located(value: .classReference(kind.className), location: wordClass.location), .context(kind))
        }
        var markers: [Int32] = []
        for marker in lexicons.flatMap(\.markers) { markers.append(try builder.symbol(forWord: marker.value, at: marker.location)) }

        self.rules = rules
        ruleTraits = rules.map {
            RuleTraits(category: $0.category, negation: $0.negation, overlap: $0.overlap, hasRequirements: !$0.compiledRequirements.isEmpty)
        }
        self.configuration = configuration
        self.targets = targets
        var isMarkerSymbol = [Bool](repeating: false, count: builder.vocabulary.symbolCount)
        for symbol in markers { isMarkerSymbol[Int(symbol)] = true }
        self.isMarkerSymbol = isMarkerSymbol
        self.tokenizer = Tokenizer(vocabulary: builder.vocabulary)
        self.matcher = Matcher(automaton: builder.build())
    }

    /// The number of tokens in UTF-8 bytes (the tokenizer alone).
    func tokenCount(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        pool.withWorkspace { workspace in
            tokenizer.tokenize(bytes, into: &workspace.text, icu: workspace.icu)
            return workspace.text.tokens.count
        }
    }

    /// Analyses UTF-8 bytes.
    func analyze(_ bytes: UnsafeBufferPointer<UInt8>) -> Analysis {
        assemble(bytes, recordingSetAside: false).analysis
    }

    /// Analyses UTF-8 bytes and tells why each rule match that was not reported was set aside.
    func explain(_ bytes: UnsafeBufferPointer<UInt8>) -> Explanation {
        let (analysis, setAside) = assemble(bytes, recordingSetAside: true)
        return Explanation(analysis: analysis, setAside: setAside)
    }

    private func assemble(_ bytes: UnsafeBufferPointer<UInt8>, recordingSetAside: Bool) -> (analysis: Analysis, setAside: [SetAsideMatch]) {
        pool.withWorkspace { workspace in
            tokenizer.tokenize(bytes, into: &workspace.text, icu: workspace.icu)
            matcher.findMatches(tokens: workspace.text.tokens, symbols: workspace.text.symbols, buffers: workspace.matcherBuffers)
            return FindingAssembler(engine: self, bytes: bytes, workspace: workspace).assemble(recordingSetAside: recordingSetAside)
        }
    }
}
