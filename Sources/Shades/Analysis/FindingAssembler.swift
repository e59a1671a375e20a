/// Turns the raw pattern matches of one text into findings: applies exceptions, fixed
/// expressions, disputes and negation, records the context modifiers, computes severity, resolves
/// overlaps and counts the statistics. When asked, it also records why each rule match that
/// is not reported was set aside (for `explain`); otherwise that costs nothing.
struct FindingAssembler {
    /// The set-aside matches, when they are being recorded; a value passed `inout`, so that
    /// not recording costs one test per set-aside match and no allocation.
    private struct SetAsideLog {
        let isRecording: Bool
        var matches: [SetAsideMatch] = []

        mutating func add(_ match: @autoclosure () -> SetAsideMatch) {
            if isRecording { matches.append(match()) }
        }
    }

    /// A rule match that survived the filters, before overlaps are resolved.
    private struct Candidate {
        let ruleIndex: Int
        let patternIndex: Int
        let match: RawMatch
        var modifiers: ModifierSet
        var focusSpan: RawMatch {
            RawMatch(target: match.target, start: match.focusStart, end: match.focusEnd,
                     focusStart: match.focusStart, focusEnd: match.focusEnd)
        }
    }

    let engine: Engine
    let bytes: UnsafeBufferPointer<UInt8>
    let workspace: TextWorkspace
    /// The text's tokens and their symbols, read once from the workspace.
    let tokens: [Token]
    let symbols: [Int32]

    init(engine: Engine, bytes: UnsafeBufferPointer<UInt8>, workspace: TextWorkspace) {
        self.engine = engine
        self.bytes = bytes
        self.workspace = workspace
        tokens = workspace.text.tokens
        symbols = workspace.text.symbols
    }

    func assemble(recordingSetAside: Bool) -> (analysis: Analysis, setAside: [SetAsideMatch]) {
        var setAside = SetAsideLog(isRecording: recordingSetAside)
        let matches = workspace.matcherBuffers.matches
        let ruleMatches = matches.filter {
            if case .rule = engine.targets[Int($0.target)] { true } else { false }
        }
        if ruleMatches.isEmpty { return (makeAnalysis([], setAside: &setAside), []) }
        var exceptions: [Int: [RawMatch]] = [:]
        var exceptionsAfter: [Int: [RawMatch]] = [:]
        var requiredSentences: [Int: Set<Int>] = [:]
        var fixed: [RawMatch] = []
        var allowed: [RawMatch] = []
        var contextMatches = [[RawMatch]](repeating: [], count: Engine.ContextKind.allCases.count)
        for match in matches {
            switch engine.targets[Int(match.target)] {
            case .rule: continue
            case .exception(let rules, _):
                for rule in rules { exceptions[rule, default: []].append(match) }
            case .exceptionAfter(let rules, _):
                for rule in rules { exceptionsAfter[rule, default: []].append(match) }
            case .requirement(let rules):
                for rule in rules { requiredSentences[rule, default: []].insert(tokens[match.start].sentence) }
            case .fixed: fixed.append(match)
            case .allowedPhrase: allowed.append(match)
            case .context(let kind): contextMatches[kind.rawValue].append(match)
            }
        }
        let exceptionSpans = exceptions.mapValues { SpanList($0) }
        let fixedSpans = SpanList(fixed)
        let allowedSpans = SpanList(allowed)
        let context = Context(assembler: self, matches: contextMatches)
        let disputes = contextMatches[Engine.ContextKind.dispute.rawValue]
        var candidates: [Candidate] = []
        for match in longestPerStart(ruleMatches) {
            guard case .rule(let ruleIndex, let patternIndex) = engine.targets[Int(match.target)],
                  match.focusStart < match.focusEnd
            else { continue }
            func thisMatch(_ reason: SetAsideMatch.Reason) -> SetAsideMatch {
                setAsideMatch(ruleIndex, patternIndex, match, reason)
            }
            let rule = engine.ruleTraits[ruleIndex]
            if let exception = exceptionSpans[ruleIndex]?.first(overlapping: match.start..<match.end) {
                setAside.add(thisMatch(.exception(pattern: sharedPattern(of: exception, rule: ruleIndex), words: text(of: exception))))
                continue
            }
            if let later = exceptionsAfter[ruleIndex]?.first(where: { follows($0, match) }) {
                setAside.add(thisMatch(.exceptionAfter(pattern: sharedPattern(of: later, rule: ruleIndex), words: text(of: later))))
                continue
            }
            if rule.category != .safety, let dispute = disputes.first(where: { follows($0, match) }) {
                setAside.add(thisMatch(.disputed(words: text(of: dispute))))
                continue
            }
            if rule.hasRequirements,
               requiredSentences[ruleIndex]?.contains(tokens[match.start].sentence) != true {
                setAside.add(thisMatch(.missingRequirement(patterns: engine.rules[ruleIndex].requirements)))
                continue
            }
            let focus = match.focusStart..<match.focusEnd
            if let phrase = allowedSpans.first(overlapping: focus) {
                setAside.add(thisMatch(.allowedPhrase(words: text(of: phrase))))
                continue
            }
            // A fixed expression neutralises a focus on its words ("all" in "all right"), not a
            // focus a rule wrote around it ("ruined for good", "…, full stop").
            if let expression = fixedSpans.first(overlapping: focus, where: {
                !(focus.lowerBound <= $0.start && $0.end <= focus.upperBound && focus.count > $0.end - $0.start)
            }) {
                setAside.add(thisMatch(.fixedExpression(words: text(of: expression))))
                continue
            }
            var modifiers = context.modifiers(of: match)
            if rule.negation == .ignore { modifiers.remove(.negated) }
            if rule.negation == .cancel && modifiers.contains(.negated) {
                setAside.add(thisMatch(.negated))
                continue
            }
            candidates.append(Candidate(ruleIndex: ruleIndex, patternIndex: patternIndex, match: match, modifiers: modifiers))
        }
        let accepted = resolveOverlaps(candidates, setAside: &setAside)
        let analysis = makeAnalysis(accepted, setAside: &setAside)
        return (analysis, setAside.matches.sorted { ($0.utf8Range.lowerBound, $0.rule) < ($1.utf8Range.lowerBound, $1.rule) })
    }

    // MARK: - Set aside

    private func setAsideMatch(_ ruleIndex: Int, _ patternIndex: Int, _ match: RawMatch, _ reason: SetAsideMatch.Reason) -> SetAsideMatch {
        let rule = engine.rules[ruleIndex]
        let byteRange = byteRange(ofTokens: match.focusStart..<match.focusEnd)
        return SetAsideMatch(
            rule: rule.id, category: rule.category, pattern: rule.patterns[patternIndex], match: string(byteRange),
            utf8Range: byteRange, sentence: tokens[match.focusStart].sentence, reason: reason)
    }

    private func setAsideMatch(_ candidate: Candidate, _ reason: SetAsideMatch.Reason) -> SetAsideMatch {
        setAsideMatch(candidate.ruleIndex, candidate.patternIndex, candidate.match, reason)
    }

    /// The text of the tokens a match spans.
    private func text(of match: RawMatch) -> String {
        string(byteRange(ofTokens: match.start..<match.end))
    }

    /// The exception or exception-after of `rule` that `match` (of a shared pattern) matched, as written.
    private func sharedPattern(of match: RawMatch, rule: Int) -> String {
        switch engine.targets[Int(match.target)] {
        case .exception(let rules, let patterns):
            engine.rules[rule].exceptions[patterns[rules.firstIndex(of: rule)!]]
        case .exceptionAfter(let rules, let patterns):
            engine.rules[rule].exceptionsAfter[patterns[rules.firstIndex(of: rule)!]]
        case .rule, .requirement, .fixed, .allowedPhrase, .context:
            preconditionFailure("only exceptions are looked up")
        }
    }

    // MARK: - Matches

    /// Whether `exception` starts after the flagged words of `match`, in the same sentence.
    private func follows(_ exception: RawMatch, _ match: RawMatch) -> Bool {
        exception.start >= match.focusEnd && tokens[exception.start].sentence == tokens[match.focusEnd - 1].sentence
    }

    /// For each pattern and start token, only the longest match.
    private func longestPerStart(_ matches: [RawMatch]) -> [RawMatch] {
        var longest: [RawMatch] = []
        for match in matches.sorted(by: { ($0.target, $0.start, -$0.end) < ($1.target, $1.start, -$1.end) }) {
            if let last = longest.last, last.target == match.target, last.start == match.start { continue }
            longest.append(match)
        }
        return longest
    }

    /// The longest match wins where findings overlap (between equals, the rule defined first),
    /// unless one of the rules declares that its findings stand beside others; even then one
    /// phrase gets one finding per category. Findings of `yield` rules come last, so they never
    /// push out another rule's finding, and they give way to any other finding they overlap.
    ///
    /// Focuses lie within one sentence, so only findings of the same sentence can conflict:
    /// the candidates are taken sentence by sentence, each checked against the ones already
    /// accepted in its sentence.
    private func resolveOverlaps(_ candidates: [Candidate], setAside: inout SetAsideLog) -> [Candidate] {
        let ordered = candidates.sorted {
            let sentences = (tokens[$0.match.focusStart].sentence, tokens[$1.match.focusStart].sentence)
            if sentences.0 != sentences.1 { return sentences.0 < sentences.1 }
            let yields = (engine.ruleTraits[$0.ruleIndex].overlap == .yield, engine.ruleTraits[$1.ruleIndex].overlap == .yield)
            if yields.0 != yields.1 { return yields.1 }
            let lengths = ($0.match.end - $0.match.start, $1.match.end - $1.match.start)
            if lengths.0 != lengths.1 { return lengths.0 > lengths.1 }
            return ($0.ruleIndex, $0.match.start) < ($1.ruleIndex, $1.match.start)
        }
        var accepted: [Candidate] = []
        var sentenceStart = 0
        for candidate in ordered {
            if let last = accepted.last, tokens[last.match.focusStart].sentence != tokens[candidate.match.focusStart].sentence {
                sentenceStart = accepted.count
            }
            let focus = candidate.match.focusStart..<candidate.match.focusEnd
            let rule = engine.ruleTraits[candidate.ruleIndex]
            let conflict = accepted[sentenceStart...].first { other in
                guard other.match.focusStart < focus.upperBound, focus.lowerBound < other.match.focusEnd else { return false }
                let otherRule = engine.ruleTraits[other.ruleIndex]
                let sameFinding = other.match.focusStart == focus.lowerBound && other.match.focusEnd == focus.upperBound
                    && otherRule.category == rule.category
                return other.ruleIndex == candidate.ruleIndex || sameFinding
                    || (rule.overlap != .stand && otherRule.overlap != .stand)
            }
            if let conflict {
                setAside.add(setAsideMatch(candidate, .overlapped(rule: engine.rules[conflict.ruleIndex].id)))
            } else {
                accepted.append(candidate)
            }
        }
        let firm = SpanList(accepted.filter { engine.ruleTraits[$0.ruleIndex].overlap != .yield }.map(\.focusSpan))
        accepted.removeAll { candidate in
            guard engine.ruleTraits[candidate.ruleIndex].overlap == .yield,
                  let cover = firm.first(overlapping: candidate.match.focusStart..<candidate.match.focusEnd)
            else { return false }
            if case .rule(let coveringRule, _) = engine.targets[Int(cover.target)] {
                setAside.add(setAsideMatch(candidate, .overlapped(rule: engine.rules[coveringRule].id)))
            }
            return true
        }
        return accepted.sorted { ($0.match.focusStart, $0.ruleIndex) < ($1.match.focusStart, $1.ruleIndex) }
    }

    // MARK: - Results

    private func makeAnalysis(_ accepted: [Candidate], setAside: inout SetAsideLog) -> Analysis {
        var offsets = ScalarOffsets(bytes: bytes)
        var findings: [Finding] = []
        var seenRules: Set<Int> = []
        for var candidate in accepted {
            if seenRules.contains(candidate.ruleIndex) { candidate.modifiers.insert(.repeated) }
            let rule = engine.rules[candidate.ruleIndex]
            let severity = rule.severity(with: candidate.modifiers)
            if severity < engine.configuration.minimumSeverity {
                setAside.add(setAsideMatch(candidate, .belowMinimumSeverity(severity: severity, minimum: engine.configuration.minimumSeverity)))
                continue
            }
            seenRules.insert(candidate.ruleIndex)
            let byteRange = byteRange(ofTokens: candidate.match.focusStart..<candidate.match.focusEnd)
            findings.append(Finding(
                category: rule.category, rule: rule.id, pattern: rule.patterns[candidate.patternIndex],
                match: string(byteRange),
                utf8Range: byteRange, unicodeScalarRange: offsets.scalarRange(of: byteRange),
                sentence: tokens[candidate.match.focusStart].sentence, severity: severity, message: rule.message,
                suggestions: rule.suggestions, modifiers: candidate.modifiers.members))
        }
        var words = 0
        var markers = 0
        engine.isMarkerSymbol.withUnsafeBufferPointer { isMarkerSymbol in
            symbols.withUnsafeBufferPointer { symbols in
                for token in tokens where token.isTypedWord {
                    words += 1
                    if symbols[token.symbols].contains(where: { isMarkerSymbol[Int($0)] }) { markers += 1 }
                }
            }
        }
        return Analysis(findings: findings, statistics: Statistics(words: words, absolutistWords: markers, findings: findings))
    }

    /// The bytes from the first of `tokens` to the end of the last.
    private func byteRange(ofTokens tokens: Range<Int>) -> Range<Int> {
        self.tokens[tokens.lowerBound].start..<self.tokens[tokens.upperBound - 1].end
    }

    private func string(_ byteRange: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[byteRange]), as: UTF8.self)
    }
}

extension Double {
    var roundedToThousandths: Double { (self * 1000).rounded() / 1000 }
}
