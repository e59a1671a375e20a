extension FindingAssembler {
    /// The context of one text that decides a match's modifiers: the spans of the context
    /// classes (negation, hedge, booster, reporting, absolute), questions and quotation marks,
    /// all indexed once so each match is judged in time independent of the text's length.
    struct Context {
        let assembler: FindingAssembler
        /// By `ContextKind.rawValue`.
        private let spans: [SpanList]
        /// The first token of each sentence, and one past the last token, by sentence number
        /// counted from the first token's.
        private let sentenceStarts: [Int]
        private let isQuestion: [Bool]
        /// Token index → whether an odd number of double quotation marks comes before it
        /// (empty when the text has no double quotation marks).
        private let insideQuotes: [Bool]

        /// `matches`: the context matches of each kind, by `ContextKind.rawValue`.
        init(assembler: FindingAssembler, matches: [[RawMatch]]) {
            self.assembler = assembler
            spans = matches.map(SpanList.init)
            let tokens = assembler.tokens
            var sentenceStarts: [Int] = []
            var isQuestion: [Bool] = []
            for (index, token) in tokens.enumerated() {
                // A sentence number with no tokens (if any) gets an empty range.
                while sentenceStarts.count <= token.sentence - tokens[0].sentence {
                    sentenceStarts.append(index)
                    isQuestion.append(false)
                }
                if token.flags.contains(.question) { isQuestion[isQuestion.count - 1] = true }
            }
            sentenceStarts.append(tokens.count)
            self.sentenceStarts = sentenceStarts
            self.isQuestion = isQuestion
            guard tokens.contains(where: { $0.flags.contains(.doubleQuote) }) else {
                insideQuotes = []
                return
            }
            var inside: [Bool] = []
            inside.reserveCapacity(tokens.count)
            var open = false
            var lastQuote = -1
            for (index, token) in tokens.enumerated() {
                inside.append(open)
                if token.flags.contains(.doubleQuote) {
                    open.toggle()
                    lastQuote = index
                }
            }
            // Only text before a closing mark is inside quotes: an opening mark that is never
            // closed quotes nothing.
            for index in inside.indices where index > lastQuote { inside[index] = false }
            insideQuotes = inside
        }

        func modifiers(of match: RawMatch) -> ModifierSet {
            let tokens = assembler.tokens
            var modifiers = ModifierSet()
            let sentence = tokens[match.focusStart].sentence
            let sentenceIndex = sentence - tokens[0].sentence
            let sentenceStart = sentenceStarts[sentenceIndex]
            let window = assembler.wordsBefore(match.start, count: 2)..<match.focusStart
            let noClauseBreak = { (span: RawMatch) in
                !(span.end..<match.focusStart).contains { tokens[$0].flags.contains(.clauseBreak) }
            }
            if spans(.negation).contains(within: window, where: noClauseBreak) { modifiers.insert(.negated) }
            // A hedge reaches further than a negation: in "sometimes it feels like nobody
            // listens", 'sometimes' qualifies the whole clause.
            let hedgeWindow = assembler.wordsBefore(match.start, count: 4)..<match.focusStart
            if spans(.hedge).contains(within: hedgeWindow, where: noClauseBreak) { modifiers.insert(.hedged) }
            let afterFocus = match.focusEnd..<min(tokens.count, max(match.end, match.focusEnd) + 2)
            let boosters = spans(.booster)
            if boosters.contains(within: window, where: noClauseBreak)
                || boosters.contains(startingIn: afterFocus, where: { tokens[$0.start].sentence == sentence }) {
                modifiers.insert(.boosted)
            }
            // Reported: a reporting verb ("she said") ends before the focus in its sentence.
            let reported = spans(.reporting).contains(within: sentenceStart..<match.focusStart)
            if reported || (!insideQuotes.isEmpty && insideQuotes[match.focusStart]) {
                modifiers.insert(.quoted)
            }
            let near = assembler.wordsBefore(match.focusStart, count: 2)..<min(tokens.count, match.focusEnd + 2)
            let absolutes = spans(.absolute).count(startingIn: near) { tokens[$0.start].sentence == sentence }
            if absolutes >= 2 { modifiers.insert(.stacked) }
            if tokens[match.focusStart..<match.focusEnd].contains(where: { $0.flags.contains(.allCaps) }) {
                modifiers.insert(.emphasized)
            }
            if isQuestion[sentenceIndex] { modifiers.insert(.question) }
            return modifiers
        }

        private func spans(_ kind: Engine.ContextKind) -> SpanList { spans[kind.rawValue] }
    }

    /// The index of the `count`-th word-like token before `index` in the same sentence (or
    /// the sentence's first token).
    func wordsBefore(_ index: Int, count: Int) -> Int {
        var position = index
        var remaining = count
        while position > 0, remaining > 0, tokens[position - 1].sentence == tokens[index].sentence {
            position -= 1
            if tokens[position].isTypedWord { remaining -= 1 }
        }
        return position
    }
}
