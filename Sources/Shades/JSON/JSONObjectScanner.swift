/// Reads one JSON object (a JSON Lines record): validates the whole of it and returns its
/// members with the raw bytes of each value, so values can be written back unchanged, and
/// decodes a chosen string member.
package struct JSONObjectScanner {
    package struct Member {
        package let key: String
        /// The value exactly as written.
        package let rawValue: Range<Int>
        /// The decoded value when it is a string.
        package let string: String?
    }

    package struct Failure: Error, Equatable {
        package let message: String
        /// 0-based byte offset in the line.
        package let offset: Int
    }

    private let bytes: UnsafeBufferPointer<UInt8>
    private var position = 0
    private var depth = 0

    /// Parses `bytes` (one line, valid UTF-8) as a JSON object.
    package static func members(of bytes: UnsafeBufferPointer<UInt8>) throws(Failure) -> [Member] {
        var scanner = JSONObjectScanner(bytes: bytes)
        scanner.skipSpace()
        guard scanner.peek() == UInt8(ascii: "{") else {
            throw scanner.failure(scanner.position < bytes.count ? "expected a JSON object ('{')" : "the line is empty; expected a JSON object")
        }
        let members = try scanner.object()
        scanner.skipSpace()
        guard scanner.position == bytes.count else { throw scanner.failure("unexpected text after the object") }
        return members
    }

    private init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    private mutating func object() throws(Failure) -> [Member] {
        position += 1
        depth += 1
        defer { depth -= 1 }
        guard depth <= 512 else { throw failure("objects and arrays are nested too deeply") }
        var members: [Member] = []
        skipSpace()
        if peek() == UInt8(ascii: "}") {
            position += 1
            return members
        }
        while true {
            skipSpace()
            guard peek() == UInt8(ascii: "\"") else { throw failure("expected a member name in double quotes") }
            let key = try string()
            skipSpace()
            guard peek() == UInt8(ascii: ":") else { throw failure("expected ':' after a member name") }
            position += 1
            skipSpace()
            let start = position
            let decoded = peek() == UInt8(ascii: "\"") ? try string() : nil
            if decoded == nil { try value() }
            members.append(Member(key: key, rawValue: start..<position, string: decoded))
            skipSpace()
            switch peek() {
            case UInt8(ascii: ","): position += 1
            case UInt8(ascii: "}"):
                position += 1
                return members
            default: throw failure("expected ',' or '}' in an object")
            }
        }
    }

    private mutating func value() throws(Failure) {
        skipSpace()
        guard let byte = peek() else { throw failure("the line ends where a value was expected") }
        switch byte {
        case UInt8(ascii: "{"): _ = try object()
        case UInt8(ascii: "["): try array()
        case UInt8(ascii: "\""): _ = try string()
        case UInt8(ascii: "t"): try literal("true")
        case UInt8(ascii: "f"): try literal("false")
        case UInt8(ascii: "n"): try literal("null")
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try number()
        default: throw failure("expected a value")
        }
    }

    private mutating func array() throws(Failure) {
        position += 1
        depth += 1
        defer { depth -= 1 }
        guard depth <= 512 else { throw failure("objects and arrays are nested too deeply") }
        skipSpace()
        if peek() == UInt8(ascii: "]") {
            position += 1
            return
        }
        while true {
            try value()
            skipSpace()
            switch peek() {
            case UInt8(ascii: ","): position += 1
            case UInt8(ascii: "]"):
                position += 1
                return
            default: throw failure("expected ',' or ']' in an array")
            }
        }
    }

    private mutating func literal(_ word: StaticString) throws(Failure) {
        let length = word.utf8CodeUnitCount
        let matches = position + length <= bytes.count
            && word.withUTF8Buffer { bytes[position..<position + length].elementsEqual($0) }
        guard matches else { throw failure("expected a value") }
        position += length
    }

    private mutating func number() throws(Failure) {
        if peek() == UInt8(ascii: "-") { position += 1 }
        guard let first = peek(), first.isDigit else { throw failure("expected a digit") }
        position += 1
        if first != UInt8(ascii: "0") { while peek()?.isDigit == true { position += 1 } }
        if peek() == UInt8(ascii: ".") {
            position += 1
            guard peek()?.isDigit == true else { throw failure("expected a digit after '.'") }
            while peek()?.isDigit == true { position += 1 }
        }
        if peek() == UInt8(ascii: "e") || peek() == UInt8(ascii: "E") {
            position += 1
            if peek() == UInt8(ascii: "+") || peek() == UInt8(ascii: "-") { position += 1 }
            guard peek()?.isDigit == true else { throw failure("expected a digit in the exponent") }
            while peek()?.isDigit == true { position += 1 }
        }
    }

    private mutating func string() throws(Failure) -> String {
        let opening = position
        position += 1
        var scalars = String.UnicodeScalarView()
        var runStart = position
        func flushRun(_ end: Int) {
            scalars.append(contentsOf: String(decoding: UnsafeBufferPointer(rebasing: bytes[runStart..<end]), as: UTF8.self).unicodeScalars)
        }
        while true {
            guard let byte = peek() else {
                position = opening
                throw failure("a string is not closed")
            }
            switch byte {
            case UInt8(ascii: "\""):
                flushRun(position)
                position += 1
                return String(scalars)
            case UInt8(ascii: "\\"):
                flushRun(position)
                position += 1
                scalars.append(try escape())
                runStart = position
            case 0..<0x20:
                throw failure("a control character must be escaped inside a string")
            default:
                position += 1
            }
        }
    }

    private mutating func escape() throws(Failure) -> Unicode.Scalar {
        guard let byte = peek() else { throw failure("a string is not closed") }
        position += 1
        switch byte {
        case UInt8(ascii: "\""): return "\""
        case UInt8(ascii: "\\"): return "\\"
        case UInt8(ascii: "/"): return "/"
        case UInt8(ascii: "b"): return "\u{08}"
        case UInt8(ascii: "f"): return "\u{0C}"
        case UInt8(ascii: "n"): return "\n"
        case UInt8(ascii: "r"): return "\r"
        case UInt8(ascii: "t"): return "\t"
        case UInt8(ascii: "u"):
            let high = try hexQuad()
            if (0xD800..<0xDC00).contains(high), peek() == UInt8(ascii: "\\"),
               position + 1 < bytes.count, bytes[position + 1] == UInt8(ascii: "u") {
                let saved = position
                position += 2
                let low = try hexQuad()
                if (0xDC00..<0xE000).contains(low) {
                    return Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))!
                }
                position = saved
            }
            // A lone surrogate cannot be represented; it is read as U+FFFD.
            return Unicode.Scalar(high) ?? "\u{FFFD}"
        default:
            position -= 1
            throw failure("unknown escape '\\\(Character(Unicode.Scalar(byte)))'")
        }
    }

    private mutating func hexQuad() throws(Failure) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let byte = peek(), let digit = Self.hexValue(byte) else {
                throw failure("expected four hexadecimal digits after \\u")
            }
            value = value << 4 | digit
            position += 1
        }
        return value
    }

    private static func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }

    private mutating func skipSpace() {
        while let byte = peek(), byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D { position += 1 }
    }

    private func peek() -> UInt8? { position < bytes.count ? bytes[position] : nil }

    private func failure(_ message: String) -> Failure { Failure(message: message, offset: position) }
}

extension UInt8 {
    fileprivate var isDigit: Bool { self >= UInt8(ascii: "0") && self <= UInt8(ascii: "9") }
}

extension JSONObjectScanner {
    /// Reads one JSON Lines record: invalid UTF-8 is first read as U+FFFD (so what is written
    /// back stays valid), then the line is parsed as an object. The members' raw values point
    /// into the returned `line`.
    package static func parseLine(_ bytes: [UInt8]) -> (line: [UInt8], members: Result<[Member], Failure>) {
        let line = String(validating: bytes, as: UTF8.self) == nil ? Array(String(decoding: bytes, as: UTF8.self).utf8) : bytes
        let parsed = line.withUnsafeBufferPointer { buffer in
            Result { () throws(Failure) in try JSONObjectScanner.members(of: buffer) }
        }
        return (line, parsed)
    }
}
