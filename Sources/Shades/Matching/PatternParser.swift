/// Reads the pattern syntax of Lexicons/README.md into a `Pattern`. It reads UTF-8 bytes: the
/// syntax is ASCII, and words are cut at ASCII brackets and spaces (and Unicode spaces), one
/// scalar at a time (a combining mark after a bracket or a space starts the next item).
struct PatternParser {
    struct Failure: Error, Equatable {
        let message: String
    }

    private let bytes: [UInt8]
    private var position = 0

    static func parse(_ source: String) throws(Failure) -> Pattern {
        var parser = PatternParser(bytes: Array(source.utf8))
        let pattern = try parser.parseAlternatives(closing: nil)
        if pattern == .sequence([]) { throw Failure(message: "the pattern is empty") }
        if focusCount(pattern) > 1 { throw Failure(message: "a pattern has at most one <focus>") }
        if hasEmptyFocus(pattern) { throw Failure(message: "a <focus> must hold at least one required word") }
        return pattern
    }

    private static func focusCount(_ pattern: Pattern) -> Int {
        switch pattern {
        case .focus(let inner): 1 + focusCount(inner)
        case .sequence(let items): items.map(focusCount).reduce(0, +)
        case .alternatives(let items): items.map(focusCount).max() ?? 0
        case .optional(let inner), .negated(let inner): focusCount(inner)
        default: 0
        }
    }

    private static func hasEmptyFocus(_ pattern: Pattern) -> Bool {
        switch pattern {
        case .focus(let inner): minimumLength(inner) == 0
        case .sequence(let items), .alternatives(let items): items.contains(where: hasEmptyFocus)
        case .optional(let inner), .negated(let inner): hasEmptyFocus(inner)
        default: false
        }
    }

    /// The fewest tokens a pattern can match (classes count as one).
    private static func minimumLength(_ pattern: Pattern) -> Int {
        switch pattern {
        case .word, .prefix, .punctuation, .classReference, .negated: 1
        case .sequence(let items): items.map(minimumLength).reduce(0, +)
        case .alternatives(let items): items.map(minimumLength).min() ?? 0
        case .optional, .sentenceStart, .sentenceEnd: 0
        case .gap(let min, _): min
        case .focus(let inner): minimumLength(inner)
        }
    }

    private init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    private mutating func parseAlternatives(closing: UInt8?) throws(Failure) -> Pattern {
        var branches = [try parseSequence()]
        while let next = peek() {
            if next == UInt8(ascii: "|") {
                position += 1
                branches.append(try parseSequence())
            } else if next == closing {
                break
            } else {
                throw Failure(message: "unexpected '\(character(at: position))' at column \(column(of: position))")
            }
        }
        if let closing {
            guard peek() == closing else { throw Failure(message: "missing '\(Character(Unicode.Scalar(closing)))'") }
            position += 1
        }
        if branches.contains(.sequence([])) {
            throw Failure(message: "an alternative is empty (write [x] for something optional)")
        }
        return branches.count == 1 ? branches[0] : .alternatives(branches)
    }

    private mutating func parseSequence() throws(Failure) -> Pattern {
        var items: [Pattern] = []
        while let next = peek(), next != UInt8(ascii: "|"), next != UInt8(ascii: ")"), next != UInt8(ascii: "]"),
              next != UInt8(ascii: ">") {
            items.append(contentsOf: try parseItem())
        }
        return items.count == 1 ? items[0] : .sequence(items)
    }

    private mutating func parseItem() throws(Failure) -> [Pattern] {
        switch bytes[position] {
        case UInt8(ascii: "("):
            position += 1
            return [try parseAlternatives(closing: UInt8(ascii: ")"))]
        case UInt8(ascii: "["):
            position += 1
            return [.optional(try parseAlternatives(closing: UInt8(ascii: "]")))]
        case UInt8(ascii: "<"):
            position += 1
            return [.focus(try parseAlternatives(closing: UInt8(ascii: ">")))]
        case UInt8(ascii: "{"):
            return [try parseGap()]
        case UInt8(ascii: "^"):
            position += 1
            return [.sentenceStart]
        case UInt8(ascii: "$"):
            position += 1
            return [.sentenceEnd]
        case UInt8(ascii: "!") where position + 1 < bytes.count && bytes[position + 1] == UInt8(ascii: "("):
            position += 2
            return [.negated(try parseAlternatives(closing: UInt8(ascii: ")")))]
        case UInt8(ascii: "!") where position + 1 < bytes.count && startsWordOrClass(at: position + 1):
            position += 1
            let atoms = try parseAtom()
            guard atoms.count == 1 else { throw Failure(message: "'!' applies to one word, not '\(atoms)'") }
            return [.negated(atoms[0])]
        default:
            return try parseAtom()
        }
    }

    private mutating func parseGap() throws(Failure) -> Pattern {
        let start = position
        guard let close = bytes[position...].firstIndex(of: UInt8(ascii: "}")) else {
            throw Failure(message: "missing '}' after column \(column(of: start))")
        }
        let body = String(decoding: bytes[(position + 1)..<close], as: UTF8.self)
        position = close + 1
        let bounds = body.split(separator: ",", omittingEmptySubsequences: false)
            .map { Int(String($0.filter { !$0.isWhitespace })) }
        guard bounds.count == 2, let min = bounds[0], let max = bounds[1], min >= 0, min <= max, max <= 20 else {
            throw Failure(message: "a gap is written {min,max} with 0 ≤ min ≤ max ≤ 20, not {\(body)}")
        }
        return .gap(min: min, max: max)
    }

    private mutating func parseAtom() throws(Failure) -> [Pattern] {
        let start = position
        var isASCIIWord = true
        while position < bytes.count, !Self.isBracket(bytes[position]), spaceLength(at: position) == 0 {
            let byte = bytes[position]
            if byte < 0x80 {
                isASCIIWord = isASCIIWord && (Self.isASCIILetterOrDigit(byte) || byte == UInt8(ascii: "'"))
                position += 1
            } else {
                isASCIIWord = false
                position += scalar(at: position).length
            }
        }
        if position == start { throw Failure(message: "unexpected '\(character(at: start))' at column \(column(of: start))") }
        let atom = bytes[start..<position]
        // Most atoms are plain ASCII words: they skip the Unicode property checks below.
        if isASCIIWord && Self.isASCIILetterOrDigit(bytes[start]) {
            return [.word(String(decoding: atom, as: UTF8.self))]
        }
        let text = String(decoding: atom, as: UTF8.self)
        if text.allSatisfy({ $0.isPunctuation || $0.isSymbol }) && !text.contains("@") {
            return [.punctuation(text)]
        }
        if atom.first == UInt8(ascii: "@") {
            let name = String(text.dropFirst())
            guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) else {
                throw Failure(message: "'\(text)' is not a class name (letters, digits, - and _)")
            }
            return [.classReference(name)]
        }
        // "full-time" is read as the words "full" and "time", as the tokenizer splits it.
        return try atom.split(separator: UInt8(ascii: "-")).map { (part) throws(Failure) -> Pattern in
            let star = UInt8(ascii: "*")
            if part.last == star {
                let prefix = part.dropLast()
                guard !prefix.isEmpty, !prefix.contains(star) else {
                    throw Failure(message: "'\(text)': a wildcard is a word start followed by one '*'")
                }
                return .prefix(String(decoding: prefix, as: UTF8.self))
            }
            guard !part.contains(star) else {
                throw Failure(message: "'\(text)': '*' may only end a word")
            }
            return .word(String(decoding: part, as: UTF8.self))
        }
    }

    /// The next byte after any spaces, or nil at the end.
    private mutating func peek() -> UInt8? {
        while position < bytes.count {
            let length = spaceLength(at: position)
            if length == 0 { return bytes[position] }
            position += length
        }
        return nil
    }

    /// The length in bytes of the space that starts at `index`, or 0. ASCII is tested first:
    /// Unicode properties are slow.
    private func spaceLength(at index: Int) -> Int {
        let byte = bytes[index]
        if byte < 0x80 { return byte == 0x20 || (0x09...0x0D).contains(byte) ? 1 : 0 }
        let scalar = scalar(at: index)
        return scalar.value.properties.isWhitespace ? scalar.length : 0
    }

    /// Whether a word, number or `@class` starts at `index` (what may follow a `!`).
    private func startsWordOrClass(at index: Int) -> Bool {
        let byte = bytes[index]
        if byte < 0x80 {
            let character = Character(Unicode.Scalar(byte))
            return character.isLetter || character.isNumber || byte == UInt8(ascii: "@")
        }
        let character = self.character(at: index)
        return character.isLetter || character.isNumber
    }

    /// The Unicode scalar that starts at `index` and its length in bytes (the source came from a
    /// `String`, so it is valid UTF-8 and `index` is never inside a scalar).
    private func scalar(at index: Int) -> (value: Unicode.Scalar, length: Int) {
        var iterator = bytes[index...].makeIterator()
        var decoder = UTF8()
        guard case .scalarValue(let scalar) = decoder.decode(&iterator) else { return ("\u{FFFD}", 1) }
        return (scalar, UTF8.width(scalar))
    }

    /// The character that starts at `index` (its first scalar), for tests and messages.
    private func character(at index: Int) -> Character {
        Character(scalar(at: index).value)
    }

    /// The column of `index` in characters, counting from 1, for messages.
    private func column(of index: Int) -> Int {
        String(decoding: bytes[..<index], as: UTF8.self).count + 1
    }

    private static func isBracket(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "<"),
             UInt8(ascii: ">"), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "|"): true
        default: false
        }
    }

    private static func isASCIILetterOrDigit(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"): true
        default: false
        }
    }
}
