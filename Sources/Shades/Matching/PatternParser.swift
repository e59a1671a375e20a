/// Reads the pattern syntax of Lexicons/README.md into a `Pattern`.
struct PatternParser {
    struct Failure: Error, Equatable {
        let message: String
    }

    private let characters: [Character]
    private var position = 0

    static func parse(_ source: String) throws(Failure) -> Pattern {
        var parser = PatternParser(characters: Array(source))
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

    private init(characters: [Character]) {
        self.characters = characters
    }

    private mutating func parseAlternatives(closing: Character?) throws(Failure) -> Pattern {
        var branches = [try parseSequence()]
        while let next = peek() {
            if next == "|" {
                position += 1
                branches.append(try parseSequence())
            } else if next == closing {
                break
            } else {
                throw Failure(message: "unexpected '\(next)' at column \(position + 1)")
            }
        }
        if closing != nil {
            guard peek() == closing else { throw Failure(message: "missing '\(closing!)'") }
            position += 1
        }
        if branches.contains(.sequence([])) {
            throw Failure(message: "an alternative is empty (write [x] for something optional)")
        }
        return branches.count == 1 ? branches[0] : .alternatives(branches)
    }

    private mutating func parseSequence() throws(Failure) -> Pattern {
        var items: [Pattern] = []
        while let next = peek(), next != "|", next != ")", next != "]", next != ">" {
            items.append(contentsOf: try parseItem())
        }
        return items.count == 1 ? items[0] : .sequence(items)
    }

    private mutating func parseItem() throws(Failure) -> [Pattern] {
        let character = characters[position]
        switch character {
        case "(":
            position += 1
            return [try parseAlternatives(closing: ")")]
        case "[":
            position += 1
            return [.optional(try parseAlternatives(closing: "]"))]
        case "<":
            position += 1
            return [.focus(try parseAlternatives(closing: ">"))]
        case "{":
            return [try parseGap()]
        case "^":
            position += 1
            return [.sentenceStart]
        case "$":
            position += 1
            return [.sentenceEnd]
        case "!" where position + 1 < characters.count
            && (characters[position + 1].isLetter || characters[position + 1].isNumber || characters[position + 1] == "@"):
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
        guard let close = characters[position...].firstIndex(of: "}") else {
            throw Failure(message: "missing '}' after column \(start + 1)")
        }
        let body = String(characters[(position + 1)..<close])
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
        while position < characters.count, !Self.isSpace(characters[position]), !Self.isBracket(characters[position]) {
            position += 1
        }
        let text = String(characters[start..<position])
        if text.isEmpty { throw Failure(message: "unexpected '\(characters[start])' at column \(start + 1)") }
        if text.allSatisfy({ $0.isPunctuation || $0.isSymbol }) && !text.contains("@") {
            return [.punctuation(text)]
        }
        if text.hasPrefix("@") {
            let name = String(text.dropFirst())
            guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) else {
                throw Failure(message: "'\(text)' is not a class name (letters, digits, - and _)")
            }
            return [.classReference(name)]
        }
        // "full-time" is read as the words "full" and "time", as the tokenizer splits it.
        return try text.split(separator: "-").map { (part) throws(Failure) -> Pattern in
            if part.hasSuffix("*") {
                let prefix = String(part.dropLast())
                guard !prefix.isEmpty, !prefix.contains("*") else {
                    throw Failure(message: "'\(text)': a wildcard is a word start followed by one '*'")
                }
                return .prefix(prefix)
            }
            guard !part.contains("*") else {
                throw Failure(message: "'\(text)': '*' may only end a word")
            }
            return .word(String(part))
        }
    }

    private mutating func peek() -> Character? {
        while position < characters.count, Self.isSpace(characters[position]) { position += 1 }
        return position < characters.count ? characters[position] : nil
    }

    /// A space between pattern items (ASCII is tested first: Unicode properties are slow).
    private static func isSpace(_ character: Character) -> Bool {
        character.asciiValue.map { $0 == 0x20 || (0x09...0x0D).contains($0) } ?? character.isWhitespace
    }

    private static func isBracket(_ character: Character) -> Bool {
        switch character {
        case "(", ")", "[", "]", "<", ">", "{", "}", "|": true
        default: false
        }
    }
}
