/// The words and prefixes that patterns mention, each a *symbol*: a dense id that compiled
/// patterns test tokens against. A token's symbols are its own word (when any pattern names
/// it) and every pattern prefix (`fail*`) it starts with. Spellings map typed forms onto a
/// standard one ("im" → "i'm"), so both share a symbol, or onto several words ("gonna" →
/// "going to"), which the tokenizer then reads in its place.
struct Vocabulary: Sendable {
    private var words = ByteStringTable()
    /// By word: its symbol, or for a typed form that stands for the words `expansions[e]`,
    /// `encoding(expansion: e)`.
    private var wordSymbols: [Int32] = []
    private var expansions: [[[UInt8]]] = []
    private var prefixes = ByteStringTable()
    private var prefixSymbols: [Int32] = []
    /// By first byte, one bit per length of the prefixes that start with it.
    private var prefixLengthsByFirstByte = [UInt64](repeating: 0, count: 256)
    /// One bit per pair of first bytes that some prefix starts with, so that most tokens need
    /// no prefix lookup; every token is looked up while a prefix shorter than two bytes exists.
    private var prefixFirstPairs = [UInt64](repeating: 0, count: 1024)
    private var hasShortPrefix = false
    private(set) var symbolCount = 0

    /// The longest prefix a pattern may use, in UTF-8 bytes.
    static let maximumPrefixLength = 63

    /// The symbol of a normalised word, creating it when new.
    mutating func symbol(forWord word: String) -> Int32 {
        let before = words.count
        let index = Int(words.insert(word.utf8))
        if index == before {
            wordSymbols.append(newSymbol())
        }
        return wordSymbols[index]
    }

    /// The symbol of a normalised prefix (the part of `fail*` before the star), one to
    /// `maximumPrefixLength` bytes long.
    mutating func symbol(forPrefix prefix: String) -> Int32 {
        let bytes = Array(prefix.utf8)
        precondition((1...Self.maximumPrefixLength).contains(bytes.count), "prefix length checked by the pattern compiler")
        let before = prefixes.count
        let index = Int(prefixes.insert(bytes))
        if index == before {
            prefixSymbols.append(newSymbol())
            if bytes.count >= 2 {
                let pair = Int(bytes[0]) << 8 | Int(bytes[1])
                prefixFirstPairs[pair >> 6] |= 1 << UInt64(pair & 63)
            } else {
                hasShortPrefix = true
            }
            prefixLengthsByFirstByte[Int(bytes[0])] |= 1 << UInt64(bytes.count)
        }
        return prefixSymbols[index]
    }

    /// Reads `typed` as the words `standard` from now on: one word shares its symbol, several
    /// are read in its place. Call before compiling patterns that use any of them.
    mutating func addSpelling(typed: String, standard: [String]) {
        let standardSymbol: Int32
        if standard.count == 1 {
            standardSymbol = symbol(forWord: standard[0])
        } else {
            standardSymbol = Self.encoding(expansion: expansions.count)
            expansions.append(standard.map { Array($0.utf8) })
        }
        let before = words.count
        let index = Int(words.insert(typed.utf8))
        if index == before {
            wordSymbols.append(standardSymbol)
        } else {
            wordSymbols[index] = standardSymbol
        }
    }

    /// The words a normalised typed form stands for when a spelling makes it several ("gonna":
    /// "going", "to"), or nil.
    func expansion(ofWord word: String) -> [String]? {
        var word = word
        return word.withUTF8 { bytes in
            words.lookup(bytes)
                .flatMap { Self.expansion(encodedIn: wordSymbols[Int($0)]) }
                .map { expansions[$0].map { String(decoding: $0, as: UTF8.self) } }
        }
    }

    /// The words, normalised, of the expansion that `appendSymbols` returned.
    func expansionWords(_ expansion: Int) -> [[UInt8]] {
        expansions[expansion]
    }

    /// Appends the symbols of a normalised token to `symbols`: its word's, then its
    /// prefixes', shortest first. The word is hashed once; each prefix that could match is
    /// looked up with the hash of the bytes so far. For a typed form that stands for several
    /// words it appends nothing and returns the expansion, for `expansionWords`.
    func appendSymbols(of normalized: UnsafeBufferPointer<UInt8>, to symbols: inout [Int32]) -> Int? {
        var lengths = prefixLengths(of: normalized)
        guard lengths != 0 else {
            guard let index = words.lookup(normalized) else { return nil }
            let symbol = wordSymbols[Int(index)]
            if let expansion = Self.expansion(encodedIn: symbol) { return expansion }
            symbols.append(symbol)
            return nil
        }
        let wordPosition = symbols.count
        var hash = ByteStringTable.Hash()
        var hashed = 0
        while lengths != 0 {
            let length = lengths.trailingZeroBitCount
            lengths &= lengths - 1
            hash.combine(UnsafeBufferPointer(rebasing: normalized[hashed..<length]))
            hashed = length
            let prefix = UnsafeBufferPointer(rebasing: normalized[0..<length])
            if let index = prefixes.lookup(prefix, hash: hash.value) {
                symbols.append(prefixSymbols[Int(index)])
            }
        }
        hash.combine(UnsafeBufferPointer(rebasing: normalized[hashed...]))
        guard let index = words.lookup(normalized, hash: hash.value) else { return nil }
        let symbol = wordSymbols[Int(index)]
        if let expansion = Self.expansion(encodedIn: symbol) {
            symbols.removeSubrange(wordPosition...)
            return expansion
        }
        symbols.insert(symbol, at: wordPosition)
        return nil
    }

    /// A typed form that stands for several words has, in `wordSymbols`, the number of its
    /// expansion encoded as a negative symbol.
    private static func encoding(expansion: Int) -> Int32 {
        -2 - Int32(expansion)
    }

    private static func expansion(encodedIn symbol: Int32) -> Int? {
        symbol < -1 ? Int(-2 - symbol) : nil
    }

    /// One bit per length of a prefix that `normalized` could start with.
    private func prefixLengths(of normalized: UnsafeBufferPointer<UInt8>) -> UInt64 {
        guard let first = normalized.first else { return 0 }
        if !hasShortPrefix {
            guard normalized.count >= 2 else { return 0 }
            let pair = Int(first) << 8 | Int(normalized[1])
            guard prefixFirstPairs[pair >> 6] & (1 << UInt64(pair & 63)) != 0 else { return 0 }
        }
        let upToLength: UInt64 = normalized.count >= Self.maximumPrefixLength ? .max : (1 << UInt64(normalized.count + 1)) - 1
        return prefixLengthsByFirstByte[Int(first)] & upToLength
    }

    private mutating func newSymbol() -> Int32 {
        symbolCount += 1
        return Int32(symbolCount - 1)
    }
}
