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

    private func count(_ range: Range<Int>) -> Int {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self).unicodeScalars.count
    }
}
