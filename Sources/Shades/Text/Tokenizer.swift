/// Splits UTF-8 bytes into tokens at ICU's word boundaries and assigns ICU's sentences,
/// working on the bytes in place. Text of ASCII and common typographic punctuation gets its
/// boundaries from `CommonTextBreaker`, any other from ICU (a UTF-8 `UText`, no UTF-16 copy),
/// with the same result. Invalid UTF-8 is read by ICU as U+FFFD; offsets still point into the
/// original bytes.
struct Tokenizer: Sendable {
    let vocabulary: Vocabulary

    /// Fills `text` with the tokens of `bytes`.
    func tokenize(_ bytes: UnsafeBufferPointer<UInt8>, into text: inout TokenizedText, icu: BreakIterators) {
        text.reset()
        guard !bytes.isEmpty else { return }
        if !CommonTextBreaker.breaks(bytes, boundaries: &text.boundaries, sentenceEnds: &text.sentenceEnds) {
            icu.breaks(bytes, boundaries: &text.boundaries, sentenceEnds: &text.sentenceEnds)
        }
        var start = 0
        var sentence = 0
        // Sentences started inside an ICU sentence by `startsSentenceAfterFullStop`.
        var extraSentences = 0
        for (end, status) in text.boundaries {
            defer { start = end }
            guard end > start else { continue }
            let segment = UnsafeBufferPointer(rebasing: bytes[start..<end])
            let kind: Token.Kind
            switch status {
            case 100..<200: kind = .number
            case 200..<500: kind = .word
            default:
                if Self.isWhiteSpace(segment) { continue }
                kind = .punctuation
            }
            while sentence < text.sentenceEnds.count - 1, start >= text.sentenceEnds[sentence] {
                sentence += 1
            }
            if kind == .word, mergeSplitContraction(ending: start, with: end, in: bytes, &text, icu: icu) { continue }
            if kind == .word, text.tokens.last?.flags.contains(.fullStop) == true,
               Self.startsSentenceAfterFullStop(segment, after: text.tokens, sentence: sentence + extraSentences, in: bytes) {
                extraSentences += 1
            }
            let flags = kind == .punctuation
                ? Self.punctuationFlags(segment, in: bytes, start: start, end: end)
                : Self.wordFlags(segment)
            appendTokens(of: segment, token: Token(
                start: start, end: end, kind: kind, flags: flags, sentence: sentence + extraSentences, symbols: 0..<0),
                to: &text, icu: icu)
        }
    }

    /// Abbreviations whose full stop does not end a sentence ("etc. and so on"), each packed
    /// into an integer by `packedLowercase`, so that looking one up allocates nothing.
    private static let abbreviations: Set<UInt64> = Set(
        ["etc", "vs", "approx", "misc", "incl", "esp", "dept", "est", "mr", "mrs", "ms", "dr", "st", "fig",
         "cf", "al", "ca", "jr", "sr", "pm", "min", "max", "tel", "ave", "rd"].map {
            $0.utf8.withContiguousStorageIfAvailable { packedLowercase($0) }!!
        })

    /// The bytes of a word of up to eight ASCII bytes, lowercased, in one integer (nil when longer).
    private static func packedLowercase(_ word: UnsafeBufferPointer<UInt8>) -> UInt64? {
        guard word.count <= 8 else { return nil }
        var packed: UInt64 = 0
        for byte in word { packed = packed << 8 | UInt64(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte) }
        return packed
    }

    /// Whether the word `segment` starts a new sentence although ICU continues the current one:
    /// it starts with a lowercase letter and follows a full stop or an ellipsis that ends a word
    /// of two or more letters, not an abbreviation. People typing on phones write "missed the
    /// bus. i always mess up" as two sentences; the Unicode rules read a lowercase word after a
    /// full stop as the same sentence going on.
    private static func startsSentenceAfterFullStop(
        _ segment: UnsafeBufferPointer<UInt8>, after tokens: [Token], sentence: Int, in bytes: UnsafeBufferPointer<UInt8>
    ) -> Bool {
        guard let first = segment.first, first >= 0x61 && first <= 0x7A, tokens.count >= 2 else { return false }
        // Back over the full stops ("." or "...") or the ellipsis just before the word.
        var index = tokens.count - 1
        while index > 0, tokens[index].flags.contains(.fullStop), tokens[index].sentence == sentence {
            index -= 1
        }
        let word = tokens[index]
        guard index < tokens.count - 1, word.kind == .word, word.sentence == sentence, word.end == tokens[index + 1].start
        else { return false }
        let wordBytes = UnsafeBufferPointer(rebasing: bytes[word.start..<word.end])
        guard wordBytes.count >= 2, !wordBytes.contains(0x2E) else { return false }
        guard let packed = packedLowercase(wordBytes) else { return true }
        return !abbreviations.contains(packed)
    }

    /// "don′t" with a prime (which ICU does not treat as an apostrophe) arrives as "don", "′",
    /// "t": when the two tokens before this word are a word and an apostrophe-like mark, all
    /// touching, the three become one token.
    private func mergeSplitContraction(
        ending start: Int, with end: Int, in bytes: UnsafeBufferPointer<UInt8>, _ text: inout TokenizedText, icu: BreakIterators
    ) -> Bool {
        let count = text.tokens.count
        guard count >= 2 else { return false }
        let mark = text.tokens[count - 1]
        let first = text.tokens[count - 2]
        guard mark.kind == .punctuation, mark.end == start, first.kind == .word, first.end == mark.start,
              !first.flags.contains(.continuesTypedWord),
              Normalizer.isApostrophe(UnsafeBufferPointer(rebasing: bytes[mark.start..<mark.end]))
        else { return false }
        text.tokens.removeLast(2)
        text.symbols.removeSubrange(first.symbols.lowerBound...)
        let segment = UnsafeBufferPointer(rebasing: bytes[first.start..<end])
        appendTokens(of: segment, token: Token(
            start: first.start, end: end, kind: .word, flags: Self.wordFlags(segment), sentence: first.sentence, symbols: 0..<0),
            to: &text, icu: icu)
        return true
    }

    /// Appends `token`, whose bytes are `segment`, with its symbols; or, for a typed form that
    /// a spelling reads as several words ("gonna"), one token per word over the same bytes,
    /// the later ones marked `continuesTypedWord`.
    private func appendTokens(of segment: UnsafeBufferPointer<UInt8>, token: Token, to text: inout TokenizedText, icu: BreakIterators) {
        var token = token
        let symbolStart = text.symbols.count
        let length = Normalizer.normalize(segment, into: &text.normalized, scratch: &text.apostrophesReplaced, icu: icu)
        let expansion = text.normalized.withUnsafeBufferPointer {
            vocabulary.appendSymbols(of: UnsafeBufferPointer(rebasing: $0[0..<length]), to: &text.symbols)
        }
        guard let expansion else {
            token.symbols = symbolStart..<text.symbols.count
            text.tokens.append(token)
            return
        }
        for word in vocabulary.expansionWords(expansion) {
            let wordStart = text.symbols.count
            // A word of the standard form is not itself read as several (that would be a
            // spelling of a spelling); it keeps the symbols it has.
            _ = word.withUnsafeBufferPointer { vocabulary.appendSymbols(of: $0, to: &text.symbols) }
            token.symbols = wordStart..<text.symbols.count
            text.tokens.append(token)
            token.flags.insert(.continuesTypedWord)
        }
    }

    private static func isWhiteSpace(_ segment: UnsafeBufferPointer<UInt8>) -> Bool {
        if segment.allSatisfy({ $0 == 0x20 || ($0 >= 0x09 && $0 <= 0x0D) }) { return true }
        guard segment.contains(where: { $0 >= 0x80 }) else { return false }
        var iterator = segment.makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): if !scalar.properties.isWhitespace { return false }
            case .emptyInput: return true
            case .error: return false
            }
        }
    }

    private static func wordFlags(_ segment: UnsafeBufferPointer<UInt8>) -> Token.Flags {
        var upper = 0
        for byte in segment {
            if byte >= 0x61 && byte <= 0x7A { return [] }
            if byte >= 0x41 && byte <= 0x5A { upper += 1 }
        }
        return upper >= 2 ? .allCaps : []
    }

    private static func punctuationFlags(
        _ segment: UnsafeBufferPointer<UInt8>, in bytes: UnsafeBufferPointer<UInt8>, start: Int, end: Int
    ) -> Token.Flags {
        switch (segment.count, segment[0]) {
        case (1, 0x3A):
            return [.clauseBreak, .colon]
        case (1, 0x2C), (1, 0x3B), (1, 0x28), (1, 0x29):
            return .clauseBreak
        case (1, 0x2E):
            // A full stop ends a clause even where the sentence goes on ("it broke. nobody
            // came", with a lowercase word after it, is one sentence to the Unicode rules).
            return [.clauseBreak, .fullStop]
        case (1, 0x2D):
            // A hyphen inside a word ("full-time") joins; one with space around it is a dash.
            let joined = start > 0 && end < bytes.count && bytes[start - 1] > 0x20 && bytes[end] > 0x20
            return joined ? [] : .clauseBreak
        case (1, 0x3F):
            return .question
        case (1, 0x22):
            return .doubleQuote
        case (2, 0xC2) where segment[1] == 0xAB || segment[1] == 0xBB:
            return .doubleQuote
        case (3, 0xE2) where segment[1] == 0x80:
            switch segment[2] {
            case 0x93, 0x94: return .clauseBreak
            case 0xA6: return [.clauseBreak, .fullStop]
            case 0x9C, 0x9D: return .doubleQuote
            default: return []
            }
        case (3, 0xEF) where segment[1] == 0xBC && segment[2] == 0x9F:
            return .question
        default:
            return []
        }
    }
}
