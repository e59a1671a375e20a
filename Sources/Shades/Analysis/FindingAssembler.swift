/// Turns the raw pattern matches of one text into findings: applies exceptions, fixed
/// expressions and negation, records the context modifiers, computes severity, resolves
/// overlaps and counts the statistics.
struct FindingAssembler {
    /// A rule match that survived the filters, before overlaps are resolved.
    private struct Candidate {
        let ruleIndex: Int
        let patternIndex: Int
        let match: RawMatch
        var modifiers: Set<Modifier>
    }

    let engine: Engine
    let bytes: UnsafeBufferPointer<UInt8>
    let workspace: TextWorkspace
    private var tokens: [Token] { workspace.tokens }

    init(engine: Engine, bytes: UnsafeBufferPointer<UInt8>, workspace: TextWorkspace) {
        self.engine = engine
        self.bytes = bytes
        self.workspace = workspace
    }

    func assemble() -> Analysis {
        var ruleMatches: [RawMatch] = []
        var exceptions: [Int: [RawMatch]] = [:]
        var requirements: [Int: [RawMatch]] = [:]
        var fixed: [RawMatch] = []
        var context: [Engine.ContextKind: [RawMatch]] = [:]
        for match in workspace.matcherBuffers.matches {
            switch engine.targets[Int(match.target)] {
            case .rule: ruleMatches.append(match)
            case .exception(let rule): exceptions[rule, default: []].append(match)
            case .requirement(let rule): requirements[rule, default: []].append(match)
            case .fixed: fixed.append(match)
            case .context(let kind): context[kind, default: []].append(match)
            }
        }
        var candidates: [Candidate] = []
        for match in longestPerStart(ruleMatches) {
            guard case .rule(let ruleIndex, let patternIndex) = engine.targets[Int(match.target)] else { continue }
            let rule = engine.rules[ruleIndex]
            if exceptions[ruleIndex, default: []].contains(where: { overlaps($0.start..<$0.end, match.start..<match.end) }) {
                continue
            }
            if !rule.compiledRequirements.isEmpty, !requirements[ruleIndex, default: []].contains(where: {
                tokens[$0.start].sentence == tokens[match.start].sentence
            }) {
                continue
            }
            if fixed.contains(where: { overlaps($0.start..<$0.end, match.focusStart..<match.focusEnd) }) { continue }
            var modifiers = self.modifiers(of: match, context: context)
            if rule.negation == .ignore { modifiers.remove(.negated) }
            if rule.negation == .cancel && modifiers.contains(.negated) { continue }
            candidates.append(Candidate(ruleIndex: ruleIndex, patternIndex: patternIndex, match: match, modifiers: modifiers))
        }
        return makeAnalysis(resolveOverlaps(candidates))
    }

    // MARK: - Matches

    /// For each pattern and start token, only the longest match.
    private func longestPerStart(_ matches: [RawMatch]) -> [RawMatch] {
        var longest: [RawMatch] = []
        for match in matches.sorted(by: { ($0.target, $0.start, -$0.end) < ($1.target, $1.start, -$1.end) }) {
            if let last = longest.last, last.target == match.target, last.start == match.start { continue }
            longest.append(match)
        }
        return longest
    }

    private func overlaps(_ lhs: Range<Int>, _ rhs: Range<Int>) -> Bool {
        lhs.lowerBound < rhs.upperBound && rhs.lowerBound < lhs.upperBound
    }

    /// The longest match wins where findings overlap (between equals, the rule defined first),
    /// unless one of the rules declares that its findings stand beside others; even then one
    /// phrase gets one finding per category. Findings of `yield` rules then give way to any
    /// other finding they overlap.
    private func resolveOverlaps(_ candidates: [Candidate]) -> [Candidate] {
        let ordered = candidates.sorted {
            let lengths = ($0.match.end - $0.match.start, $1.match.end - $1.match.start)
            if lengths.0 != lengths.1 { return lengths.0 > lengths.1 }
            return ($0.ruleIndex, $0.match.start) < ($1.ruleIndex, $1.match.start)
        }
        var accepted: [Candidate] = []
        for candidate in ordered {
            let focus = candidate.match.focusStart..<candidate.match.focusEnd
            let stands = engine.rules[candidate.ruleIndex].overlap == .stand
            let conflict = accepted.contains { other in
                guard overlaps(focus, other.match.focusStart..<other.match.focusEnd) else { return false }
                let otherStands = engine.rules[other.ruleIndex].overlap == .stand
                let sameFinding = other.match.focusStart == candidate.match.focusStart
                    && other.match.focusEnd == candidate.match.focusEnd
                    && engine.rules[other.ruleIndex].category == engine.rules[candidate.ruleIndex].category
                return other.ruleIndex == candidate.ruleIndex || sameFinding || (!stands && !otherStands)
            }
            if !conflict { accepted.append(candidate) }
        }
        let firm = accepted.filter { engine.rules[$0.ruleIndex].overlap != .yield }
        accepted.removeAll { candidate in
            engine.rules[candidate.ruleIndex].overlap == .yield && firm.contains { other in
                overlaps(candidate.match.focusStart..<candidate.match.focusEnd, other.match.focusStart..<other.match.focusEnd)
            }
        }
        return accepted.sorted { ($0.match.focusStart, $0.ruleIndex) < ($1.match.focusStart, $1.ruleIndex) }
    }

    // MARK: - Context

    private func modifiers(of match: RawMatch, context: [Engine.ContextKind: [RawMatch]]) -> Set<Modifier> {
        var modifiers: Set<Modifier> = []
        let sentence = tokens[match.focusStart].sentence
        let windowStart = wordsBefore(match.start, count: 2)
        func precedesFocus(_ span: RawMatch) -> Bool {
            tokens[span.start].sentence == sentence && span.start >= windowStart && span.end <= match.focusStart
                && !hasClauseBreak(span.end..<match.focusStart)
        }
        if context[.negation, default: []].contains(where: precedesFocus) { modifiers.insert(.negated) }
        if context[.hedge, default: []].contains(where: precedesFocus) { modifiers.insert(.hedged) }
        let afterFocus = match.focusEnd..<min(tokens.count, max(match.end, match.focusEnd) + 2)
        if context[.booster, default: []].contains(where: { span in
            precedesFocus(span) || (afterFocus.contains(span.start) && tokens[span.start].sentence == sentence)
        }) {
            modifiers.insert(.boosted)
        }
        if context[.reporting, default: []].contains(where: { span in
            tokens[span.start].sentence == sentence && span.end <= match.focusStart
        }) || isInsideQuotes(match.focusStart) {
            modifiers.insert(.quoted)
        }
        let near = wordsBefore(match.focusStart, count: 2)..<min(tokens.count, match.focusEnd + 2)
        let absolutes = context[.absolute, default: []].filter {
            near.contains($0.start) && tokens[$0.start].sentence == sentence
        }
        if absolutes.count >= 2 { modifiers.insert(.stacked) }
        if tokens[match.focusStart..<match.focusEnd].contains(where: { $0.flags.contains(.allCaps) }) {
            modifiers.insert(.emphasized)
        }
        if tokens.contains(where: { $0.sentence == sentence && $0.flags.contains(.question) }) {
            modifiers.insert(.question)
        }
        return modifiers
    }

    /// The index of the `count`-th word-like token before `index` in the same sentence (or
    /// the sentence's first token).
    private func wordsBefore(_ index: Int, count: Int) -> Int {
        var position = index
        var remaining = count
        while position > 0, remaining > 0, tokens[position - 1].sentence == tokens[index].sentence {
            position -= 1
            if tokens[position].isWordLike { remaining -= 1 }
        }
        return position
    }

    private func hasClauseBreak(_ range: Range<Int>) -> Bool {
        range.contains { tokens[$0].flags.contains(.clauseBreak) }
    }

    /// Whether an odd number of double quotation marks comes before the token in its text.
    private func isInsideQuotes(_ index: Int) -> Bool {
        var open = false
        for token in tokens[..<index] where token.flags.contains(.quote) && isDoubleQuote(token) {
            open.toggle()
        }
        return open && tokens[index...].contains { $0.flags.contains(.quote) && isDoubleQuote($0) }
    }

    private func isDoubleQuote(_ token: Token) -> Bool {
        let first = bytes[token.start]
        if first == 0x22 { return true }
        if first == 0xC2 { return true }
        return token.end - token.start == 3 && (bytes[token.start + 2] == 0x9C || bytes[token.start + 2] == 0x9D)
    }

    private func isMarker(_ token: Token) -> Bool {
        guard token.isWordLike else { return false }
        return workspace.symbols[token.symbols].contains { engine.markerSymbols.binarySearchContains($0) }
    }

    // MARK: - Results

    private func makeAnalysis(_ accepted: [Candidate]) -> Analysis {
        var offsets = ScalarOffsets(bytes: bytes)
        var findings: [Finding] = []
        var counts = Dictionary(uniqueKeysWithValues: Category.distortions.map { ($0, 0) })
        var safety = 0
        var seenRules: Set<Int> = []
        var unflaggedProbability = 1.0
        for var candidate in accepted {
            if !seenRules.insert(candidate.ruleIndex).inserted { candidate.modifiers.insert(.repeated) }
            let rule = engine.rules[candidate.ruleIndex]
            let severity = rule.severity(with: candidate.modifiers)
            if severity < engine.configuration.minimumSeverity { continue }
            let byteRange = tokens[candidate.match.focusStart].start..<tokens[candidate.match.focusEnd - 1].end
            findings.append(Finding(
                category: rule.category, rule: rule.id, pattern: rule.patterns[candidate.patternIndex],
                match: String(decoding: UnsafeBufferPointer(rebasing: bytes[byteRange]), as: UTF8.self),
                utf8Range: byteRange, unicodeScalarRange: offsets.scalarRange(of: byteRange),
                sentence: tokens[candidate.match.focusStart].sentence, severity: severity, message: rule.message,
                suggestions: rule.suggestions, modifiers: Modifier.allCases.filter(candidate.modifiers.contains)))
            if rule.category == .safety {
                safety += 1
            } else {
                counts[rule.category, default: 0] += 1
                unflaggedProbability *= 1 - severity
            }
        }
        let words = tokens.count(where: \.isWordLike)
        let markers = tokens.count(where: isMarker)
        return Analysis(findings: findings, statistics: Statistics(
            words: words, absolutistWords: markers, categories: counts, safetyFindings: safety,
            severity: (1 - unflaggedProbability).roundedToThousandths))
    }

}

extension Double {
    var roundedToThousandths: Double { (self * 1000).rounded() / 1000 }
}

extension Array where Element == Int32 {
    /// Membership in a sorted array.
    func binarySearchContains(_ value: Int32) -> Bool {
        var low = 0
        var high = count
        while low < high {
            let middle = (low + high) / 2
            if self[middle] < value { low = middle + 1 } else { high = middle }
        }
        return low < count && self[low] == value
    }
}
