/// The words and prefixes that patterns mention, each a *symbol*: a dense id that compiled
/// patterns test tokens against. A token's symbols are its own word (when any pattern names
/// it) and every pattern prefix (`fail*`) it starts with. Spellings map typed forms onto a
/// standard one ("im" → "i'm"), so both share a symbol.
struct Vocabulary: Sendable {
    private var words = ByteStringTable()
    private var wordSymbols: [Int32] = []
    private var prefixes = ByteStringTable()
    private var prefixSymbols: [Int32] = []
    private var prefixLengths: [Int] = []
    /// One bit per pair of first bytes that some prefix starts with, so that most tokens need
    /// no prefix lookup; every token is looked up while a prefix shorter than two bytes exists.
    private var prefixFirstPairs = [UInt64](repeating: 0, count: 1024)
    private var hasShortPrefix = false
    private(set) var symbolCount = 0

    /// The symbol of a normalised word, creating it when new.
    mutating func symbol(forWord word: String) -> Int32 {
        let before = words.count
        let index = Int(words.insert(word.utf8))
        if index == before {
            wordSymbols.append(newSymbol())
        }
        return wordSymbols[index]
    }

    /// The symbol of a normalised prefix (the part of `fail*` before the star).
    mutating func symbol(forPrefix prefix: String) -> Int32 {
        let before = prefixes.count
        let index = Int(prefixes.insert(prefix.utf8))
        if index == before {
            prefixSymbols.append(newSymbol())
            let bytes = Array(prefix.utf8)
            if bytes.count >= 2 {
                let pair = Int(bytes[0]) << 8 | Int(bytes[1])
                prefixFirstPairs[pair >> 6] |= 1 << UInt64(pair & 63)
            } else {
                hasShortPrefix = true
            }
            if !prefixLengths.contains(prefix.utf8.count) {
                prefixLengths.append(prefix.utf8.count)
                prefixLengths.sort()
            }
        }
        return prefixSymbols[index]
    }

    /// Reads `typed` as `standard` from now on. Call before compiling patterns that use either.
    mutating func addSpelling(typed: String, standard: String) {
        let standardSymbol = symbol(forWord: standard)
        let before = words.count
        let index = Int(words.insert(typed.utf8))
        if index == before {
            wordSymbols.append(standardSymbol)
        } else {
            wordSymbols[index] = standardSymbol
        }
    }

    /// The symbol of a word the patterns name, or nil.
    func wordSymbol(_ normalized: UnsafeBufferPointer<UInt8>) -> Int32? {
        words.lookup(normalized).map { wordSymbols[Int($0)] }
    }

    /// Appends the symbols of a normalised token to `symbols`.
    func appendSymbols(of normalized: UnsafeBufferPointer<UInt8>, to symbols: inout [Int32]) {
        if let symbol = wordSymbol(normalized) { symbols.append(symbol) }
        if !hasShortPrefix {
            guard normalized.count >= 2 else { return }
            let pair = Int(normalized[0]) << 8 | Int(normalized[1])
            guard prefixFirstPairs[pair >> 6] & (1 << UInt64(pair & 63)) != 0 else { return }
        }
        for length in prefixLengths {
            if length > normalized.count { break }
            if let index = prefixes.lookup(UnsafeBufferPointer(rebasing: normalized[0..<length])) {
                symbols.append(prefixSymbols[Int(index)])
            }
        }
    }

    private mutating func newSymbol() -> Int32 {
        symbolCount += 1
        return Int32(symbolCount - 1)
    }
}
