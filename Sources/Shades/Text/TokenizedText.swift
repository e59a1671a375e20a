/// The tokens of one text, with the buffers the tokenizer fills them from. Kept in a
/// `TextWorkspace` and reused from one text to the next, so the hot path does not allocate
/// per token; a value type, so the tokenizer works on it without a dynamic exclusivity
/// check per access.
struct TokenizedText {
    var tokens: [Token] = []
    /// The symbols of all tokens, each token's run at `Token.symbols`.
    var symbols: [Int32] = []
    var sentenceEnds: [Int] = []
    var boundaries: [(offset: Int, status: Int32)] = []
    var normalized: [UInt8] = Array(repeating: 0, count: 256)
    var apostrophesReplaced: [UInt8] = []

    init() {
        tokens.reserveCapacity(1024)
        symbols.reserveCapacity(1024)
    }

    mutating func reset() {
        tokens.removeAll(keepingCapacity: true)
        symbols.removeAll(keepingCapacity: true)
        sentenceEnds.removeAll(keepingCapacity: true)
        boundaries.removeAll(keepingCapacity: true)
    }
}
