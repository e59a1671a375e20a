/// Writes JSON into a byte buffer without building intermediate values; the filter's output
/// path uses it once per record.
package struct JSONWriter {
    package var bytes: [UInt8] = []

    package init() {}

    package mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    package mutating func raw(bytes other: some Collection<UInt8>) {
        bytes.append(contentsOf: other)
    }

    package mutating func string(_ value: String) {
        var value = value
        value.withUTF8 { string(utf8: $0) }
    }

    /// Writes valid UTF-8 as a JSON string, escaping quotes, backslashes, control characters
    /// and the line separators U+0085, U+2028 and U+2029 (which line-splitting readers such as
    /// Python's `splitlines` would otherwise break a JSON line at).
    package mutating func string(utf8 value: UnsafeBufferPointer<UInt8>) {
        bytes.append(0x22)
        var runStart = 0
        for (index, byte) in value.enumerated() where byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0xC2 || byte == 0xE2 {
            if byte == 0xC2 || byte == 0xE2 {
                guard let escape = Self.lineSeparatorEscape(value, at: index) else { continue }
                bytes.append(contentsOf: value[runStart..<index])
                raw(escape)
                runStart = index + (byte == 0xC2 ? 2 : 3)
                continue
            }
            if index < runStart { continue }
            bytes.append(contentsOf: value[runStart..<index])
            runStart = index + 1
            switch byte {
            case 0x22: raw("\\\"")
            case 0x5C: raw("\\\\")
            case 0x0A: raw("\\n")
            case 0x0D: raw("\\r")
            case 0x09: raw("\\t")
            default:
                raw("\\u00")
                bytes.append(Self.hexDigits[Int(byte >> 4)])
                bytes.append(Self.hexDigits[Int(byte & 0xF)])
            }
        }
        bytes.append(contentsOf: value[runStart...])
        bytes.append(0x22)
    }

    /// Copies a JSON value exactly as it was read, except that carriage returns between tokens
    /// are dropped and line separators inside strings are escaped, so the value stays on one
    /// line for every line-splitting reader.
    package mutating func raw(jsonValue value: some Collection<UInt8>) {
        let value = Array(value)
        var index = 0
        while index < value.count {
            let byte = value[index]
            if byte == 0x0D {
                index += 1
                continue
            }
            if byte == 0xC2 || byte == 0xE2, let escape = value.withUnsafeBufferPointer({ Self.lineSeparatorEscape($0, at: index) }) {
                raw(escape)
                index += byte == 0xC2 ? 2 : 3
                continue
            }
            bytes.append(byte)
            index += 1
        }
    }

    /// The escape for U+0085, U+2028 or U+2029 starting at `index`, if one starts there.
    private static func lineSeparatorEscape(_ value: UnsafeBufferPointer<UInt8>, at index: Int) -> StaticString? {
        if value[index] == 0xC2, index + 1 < value.count, value[index + 1] == 0x85 { return "\\u0085" }
        if value[index] == 0xE2, index + 2 < value.count, value[index + 1] == 0x80 {
            if value[index + 2] == 0xA8 { return "\\u2028" }
            if value[index + 2] == 0xA9 { return "\\u2029" }
        }
        return nil
    }

    package mutating func number(_ value: Int) {
        bytes.append(contentsOf: String(value).utf8)
    }

    /// Writes a finite double in its shortest round-trip form.
    package mutating func number(_ value: Double) {
        if value == value.rounded(), abs(value) < 1e15 {
            number(Int(value))
        } else {
            bytes.append(contentsOf: value.description.utf8)
        }
    }

    package mutating func key(_ name: StaticString) {
        bytes.append(0x22)
        raw(name)
        raw("\":")
    }

    /// Writes `,"name":` and then the value `write` writes: a member after the first.
    package mutating func member(_ name: StaticString, _ write: (inout JSONWriter) -> Void) {
        bytes.append(0x2C)
        key(name)
        write(&self)
    }

    package mutating func array<Element>(_ elements: some Sequence<Element>, _ write: (inout JSONWriter, Element) -> Void) {
        bytes.append(0x5B)
        var first = true
        for element in elements {
            if !first { bytes.append(0x2C) }
            first = false
            write(&self, element)
        }
        bytes.append(0x5D)
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)
}
