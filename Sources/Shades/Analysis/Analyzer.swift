/// Finds all-or-nothing language in text. Build one (compiling the lexicons takes a few
/// milliseconds) and share it: an `Analyzer` is a value that any number of tasks and threads
/// may use at once; each analysis borrows its own ICU iterators.
///
/// ```swift
/// let analyzer = try Analyzer()
/// let analysis = analyzer.analyze("I always ruin everything.")
/// for finding in analysis.findings {
///     print(finding.category, finding.match, finding.suggestions)
/// }
/// ```
public struct Analyzer: Sendable {
    /// Choices that change what an analyzer reports.
    public struct Configuration: Sendable, Hashable {
        /// Ids of rules that are switched off.
        public var disabledRules: Set<String>
        /// Phrases (in pattern syntax, e.g. "always on call") that are never flagged.
        public var allowedPhrases: [String]
        /// Findings below this severity are left out (0 keeps all).
        public var minimumSeverity: Double
        /// Whether `safety` findings are reported.
        public var reportsSafety: Bool

        /// Chooses rules to switch off, phrases never to flag, a minimum severity and whether
        /// safety findings are reported.
        public init(
            disabledRules: Set<String> = [], allowedPhrases: [String] = [], minimumSeverity: Double = 0,
            reportsSafety: Bool = true
        ) {
            self.disabledRules = disabledRules
            self.allowedPhrases = allowedPhrases
            self.minimumSeverity = minimumSeverity
            self.reportsSafety = reportsSafety
        }
    }

    let engine: Engine

    /// Compiles lexicons into an analyzer.
    /// - Parameters:
    ///   - lexicons: the lexicons to use; `Lexicon.defaults` are the built-in ones. Pass them
    ///     together with your own to extend them.
    ///   - configuration: rules to switch off, allowed phrases, a minimum severity.
    /// - Throws: `LexiconError` for a pattern that names an unknown class, a rule id defined
    ///   twice, an unknown rule in `disabledRules` or an allowed phrase that does not parse.
    public init(lexicons: [Lexicon] = Lexicon.defaults, configuration: Configuration = Configuration()) throws(LexiconError) {
        engine = try Engine(lexicons: lexicons, configuration: configuration)
    }

    /// The rules in use (disabled ones left out).
    public var rules: [Rule] { engine.rules }

    /// Analyses a string.
    public func analyze(_ text: String) -> Analysis {
        var text = text
        return text.withUTF8 { engine.analyze($0) }
    }

    /// Analyses a string and also tells, for each phrase a rule matched but did not report,
    /// what set it aside (an exception, a negation, a dispute later in the sentence, an
    /// overlapping finding…). Slower than `analyze(_:)`; meant for `shades explain` and for
    /// lexicon authors.
    public func explain(_ text: String) -> Explanation {
        var text = text
        return text.withUTF8 { engine.explain($0) }
    }

    /// Only tokenises `bytes` (no matching) and returns the number of tokens: the tokenizer
    /// alone, for benchmarks.
    package func tokenCount(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Int {
        engine.tokenCount(bytes)
    }

    /// Analyses UTF-8 bytes. Invalid UTF-8 is read as U+FFFD; byte ranges in the result point
    /// into `bytes` as given.
    public func analyze(utf8 bytes: some Collection<UInt8>) -> Analysis {
        if let analysis = bytes.withContiguousStorageIfAvailable({ engine.analyze($0) }) {
            return analysis
        }
        return Array(bytes).withUnsafeBufferPointer { engine.analyze($0) }
    }
}
