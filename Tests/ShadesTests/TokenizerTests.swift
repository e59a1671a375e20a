import Testing
@testable import Shades

/// Tokens of `bytes` as (text, kind, sentence), decoded for readability.
private func tokens(_ bytes: [UInt8]) -> [(text: String, kind: Token.Kind, sentence: Int)] {
    let workspace = TextWorkspace()
    return bytes.withUnsafeBufferPointer { buffer in
        Tokenizer(vocabulary: Vocabulary()).tokenize(buffer, into: &workspace.text, icu: workspace.icu)
        return workspace.text.tokens.map {
            (String(decoding: buffer[$0.start..<$0.end], as: UTF8.self), $0.kind, $0.sentence)
        }
    }
}

private func words(_ text: String) -> [String] {
    tokens(Array(text.utf8)).filter { $0.kind != .punctuation }.map(\.text)
}

@Suite struct TokenizerTests {
    @Test func wordsNumbersAndPunctuationWithoutSpaces() {
        let result = tokens(Array("I failed 3 times, again.".utf8))
        #expect(result.map(\.text) == ["I", "failed", "3", "times", ",", "again", "."])
        #expect(result.map(\.kind) == [.word, .word, .number, .word, .punctuation, .word, .punctuation])
    }

    @Test func contractionsStayOneWord() {
        #expect(words("I’m sure I can't, I don't") == ["I’m", "sure", "I", "can't", "I", "don't"])
    }

    @Test func primeApostropheIsMergedIntoTheWord() {
        #expect(words("I don′t know") == ["I", "don′t", "know"])
    }

    @Test func sentencesAreNumbered() {
        let result = tokens(Array("I tried. It failed! Why?".utf8))
        #expect(result.filter { $0.kind == .word }.map(\.sentence) == [0, 0, 1, 1, 2])
    }

    /// ICU continues a sentence after a full stop when a lowercase word follows; text typed on
    /// a phone starts a new one there, unless the full stop ends an abbreviation or a number.
    @Test(arguments: [
        ("missed the bus. i always mess up", [0, 0, 0, 1, 1, 1, 1]),
        ("missed the bus... i always mess up", [0, 0, 0, 1, 1, 1, 1]),
        ("missed the bus\u{2026} i always mess up", [0, 0, 0, 1, 1, 1, 1]),
        ("apples, pears etc. and nobody ate them", [0, 0, 0, 0, 0, 0, 0]),
        ("see Dr. smith at 10 a.m. and go", [0, 0, 0, 0, 0, 0, 0, 0]),
        ("I ran 5. then I stopped", [0, 0, 0, 0, 0, 0]),
        ("she said no. i cried", [0, 0, 0, 1, 1]),
    ])
    func aLowercaseWordAfterAFullStopStartsASentence(text: String, expected: [Int]) {
        #expect(tokens(Array(text.utf8)).filter { $0.kind != .punctuation }.map(\.sentence) == expected)
    }

    @Test(arguments: [
        ("😀 I always 👍🏽 win", ["I", "always", "win"]),
        ("我总是失败 always", ["我", "总是", "失败", "always"]),
        ("Je suis nulle, complètement", ["Je", "suis", "nulle", "complètement"]),
        ("e\u{301}te\u{301} always", ["e\u{301}te\u{301}", "always"]),
        ("אני תמיד נכשל always", ["אני", "תמיד", "נכשל", "always"]),
    ])
    func unicodeText(text: String, expected: [String]) {
        #expect(words(text) == expected)
    }

    @Test func nulBytesDoNotEndTheText() {
        let result = tokens(Array("I\0always win".utf8))
        #expect(result.filter { $0.kind == .word }.map(\.text) == ["I", "always", "win"])
    }

    @Test func invalidUTF8KeepsByteOffsetsIntoTheOriginal() {
        let bytes: [UInt8] = Array("I ".utf8) + [0xFF, 0xFE] + Array(" always".utf8)
        let workspace = TextWorkspace()
        let always = bytes.withUnsafeBufferPointer { buffer in
            Tokenizer(vocabulary: Vocabulary()).tokenize(buffer, into: &workspace.text, icu: workspace.icu)
            return workspace.text.tokens.last!
        }
        #expect(always.start == 5 && always.end == 11)
    }

    @Test func emptyAndSpaceOnlyTextsHaveNoTokens() {
        #expect(tokens([]).isEmpty)
        #expect(tokens(Array(" \t \u{00A0}".utf8)).isEmpty)
    }

    @Test func normalisationFoldsCaseApostrophesAndSpellings() throws {
        var vocabulary = Vocabulary()
        let standard = vocabulary.symbol(forWord: "i'm")
        vocabulary.addSpelling(typed: "im", standard: ["i'm"])
        let strasse = vocabulary.symbol(forWord: "strasse")
        let workspace = TextWorkspace()
        for text in ["I’m", "IM", "Iʼm", "i＇m", "Im"] {
            Array(text.utf8).withUnsafeBufferPointer { Tokenizer(vocabulary: vocabulary).tokenize($0, into: &workspace.text, icu: workspace.icu) }
            #expect(workspace.text.symbols[workspace.text.tokens[0].symbols].contains(standard), "\(text)")
        }
        Array("STRAẞE".utf8).withUnsafeBufferPointer { Tokenizer(vocabulary: vocabulary).tokenize($0, into: &workspace.text, icu: workspace.icu) }
        #expect(workspace.text.symbols[workspace.text.tokens[0].symbols].contains(strasse))
    }

    @Test func aTypedFormOfSeveralWordsBecomesOneTokenPerWordOverItsBytes() {
        var vocabulary = Vocabulary()
        let going = vocabulary.symbol(forWord: "going")
        let to = vocabulary.symbol(forWord: "to")
        let prefix = vocabulary.symbol(forPrefix: "gon")
        vocabulary.addSpelling(typed: "gonna", standard: ["going", "to"])
        let workspace = TextWorkspace()
        let text = "I'm GONNA go"
        Array(text.utf8).withUnsafeBufferPointer { Tokenizer(vocabulary: vocabulary).tokenize($0, into: &workspace.text, icu: workspace.icu) }
        let tokens = workspace.text.tokens
        #expect(tokens.map { Array(text.utf8)[$0.start..<$0.end] }.map { String(decoding: $0, as: UTF8.self) } == ["I'm", "GONNA", "GONNA", "go"])
        #expect(tokens.map { workspace.text.symbols[$0.symbols] } == [[], [going], [to], []], "the typed form's own prefix (\(prefix)) is not kept")
        #expect(tokens.map { $0.flags.contains(.continuesTypedWord) } == [false, false, true, false])
        #expect(tokens[1].flags.contains(.allCaps) && tokens[2].flags.contains(.allCaps))
        #expect(tokens.filter(\.isTypedWord).count == 3)
    }
}
