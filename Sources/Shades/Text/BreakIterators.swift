internal import CICU

/// The ICU objects one thread needs to tokenise text: a word and a sentence break iterator
/// and a case map. ICU iterators are not thread-safe, so each instance is used by one
/// thread at a time (see `WorkspacePool`); `deinit` closes them.
final class BreakIterators {
    private let words: OpaquePointer
    private let sentences: OpaquePointer
    private let caseMap: OpaquePointer

    init() {
        guard let words = shades_breaker_open(0),
              let sentences = shades_breaker_open(1),
              let caseMap = shades_casemap_open()
        else {
            fatalError("ICU could not open its root-locale break iterators; is libicu installed completely?")
        }
        self.words = words
        self.sentences = sentences
        self.caseMap = caseMap
    }

    deinit {
        shades_breaker_close(words)
        shades_breaker_close(sentences)
        shades_casemap_close(caseMap)
    }

    /// Appends the word boundaries (with their rule status) and the sentence ends of `bytes`.
    func breaks(_ bytes: UnsafeBufferPointer<UInt8>, boundaries: inout [(offset: Int, status: Int32)], sentenceEnds: inout [Int]) {
        forEachSentenceEnd(in: bytes) { sentenceEnds.append($0) }
        forEachWordBoundary(in: bytes) { boundaries.append(($0, $1)) }
    }

    /// Calls `body` with the end of every word-break segment of `bytes` (a byte offset) and
    /// the ICU rule status of that segment.
    private func forEachWordBoundary(
        in bytes: UnsafeBufferPointer<UInt8>, _ body: (_ offset: Int, _ ruleStatus: Int32) -> Void
    ) {
        guard setText(words, bytes) else { return }
        _ = shades_breaker_first(words)
        while true {
            let offset = shades_breaker_next(words)
            if offset < 0 { break }
            body(Int(offset), shades_breaker_rule_status(words))
        }
    }

    /// Calls `body` with the end offset of every sentence of `bytes`.
    private func forEachSentenceEnd(in bytes: UnsafeBufferPointer<UInt8>, _ body: (_ offset: Int) -> Void) {
        guard setText(sentences, bytes) else { return }
        _ = shades_breaker_first(sentences)
        while true {
            let offset = shades_breaker_next(sentences)
            if offset < 0 { break }
            body(Int(offset))
        }
    }

    /// Full Unicode case folding of `source` into `destination`; returns the folded length, or
    /// nil when it does not fit or ICU reports an error.
    func foldCase(_ source: UnsafeBufferPointer<UInt8>, into destination: UnsafeMutableBufferPointer<UInt8>) -> Int? {
        let written = source.withMemoryRebound(to: CChar.self) { src in
            destination.withMemoryRebound(to: CChar.self) { dst in
                shades_fold_case_utf8(caseMap, dst.baseAddress, Int32(dst.count), src.baseAddress, Int32(src.count))
            }
        }
        guard written >= 0, Int(written) <= destination.count else { return nil }
        return Int(written)
    }

    private func setText(_ breaker: OpaquePointer, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return false }
        return base.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
            shades_breaker_set_utf8(breaker, $0, Int64(bytes.count)) == 0
        }
    }
}
