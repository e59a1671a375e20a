/// Per-thread state for analysing text: the ICU iterators plus buffers that are reused from
/// one text to the next, so the hot path does not allocate per token.
final class TextWorkspace: @unchecked Sendable {
    // @unchecked: a workspace is only ever used by the one thread that checked it out of
    // `WorkspacePool`; ICU objects inside it are not thread-safe.
    let icu = BreakIterators()
    var tokens: [Token] = []
    var symbols: [Int32] = []
    var sentenceEnds: [Int] = []
    var boundaries: [(offset: Int, status: Int32)] = []
    var normalized: [UInt8] = []
    var apostrophesReplaced: [UInt8] = []
    let matcherBuffers = Matcher.Buffers()

    init() {
        tokens.reserveCapacity(1024)
        symbols.reserveCapacity(1024)
        normalized = Array(repeating: 0, count: 256)
    }

    func reset() {
        tokens.removeAll(keepingCapacity: true)
        symbols.removeAll(keepingCapacity: true)
        sentenceEnds.removeAll(keepingCapacity: true)
        boundaries.removeAll(keepingCapacity: true)
    }
}
