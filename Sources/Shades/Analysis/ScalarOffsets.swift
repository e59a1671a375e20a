/// Converts UTF-8 byte offsets of a text into Unicode scalar offsets, decoding as
/// `String(decoding:as:)` does (one U+FFFD per ill-formed sequence). Offsets must be asked
/// for in increasing order of their start.
struct ScalarOffsets {
    let bytes: UnsafeBufferPointer<UInt8>
    private var byteOffset = 0
    private var scalarOffset = 0

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    mutating func scalarRange(of byteRange: Range<Int>) -> Range<Int> {
        if byteRange.lowerBound < byteOffset {
            byteOffset = 0
            scalarOffset = 0
        }
        let start = advance(to: byteRange.lowerBound)
        let length = count(byteRange)
        return start..<(start + length)
    }

    private mutating func advance(to offset: Int) -> Int {
        scalarOffset += count(byteOffset..<offset)
        byteOffset = offset
        return scalarOffset
    }

    /// Scalars in `range`, counting each ill-formed sequence once, without building a string.
    private func count(_ range: Range<Int>) -> Int {
        var iterator = UnsafeBufferPointer(rebasing: bytes[range]).makeIterator()
        var decoder = UTF8()
        var count = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue, .error: count += 1
            case .emptyInput: return count
            }
        }
    }
}
