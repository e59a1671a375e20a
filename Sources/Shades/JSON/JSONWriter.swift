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

    /// Writes valid UTF-8 as a JSON string, escaping quotes, backslashes and control characters.
    package mutating func string(utf8 value: UnsafeBufferPointer<UInt8>) {
        bytes.append(0x22)
        var runStart = 0
        for (index, byte) in value.enumerated() where byte < 0x20 || byte == 0x22 || byte == 0x5C {
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
