/// The form of a token that patterns match: full Unicode case folding, with the apostrophe
/// variants (’ ʼ ＇ ′ ‘ `) read as '. Spellings ("im" → "i'm") are applied by `Vocabulary`.
enum Normalizer {
    /// The UTF-8 encodings of the characters read as an apostrophe.
    static let apostropheVariants: [[UInt8]] = [
        [0xE2, 0x80, 0x99], // ’ right single quotation mark
        [0xCA, 0xBC],       // ʼ modifier letter apostrophe
        [0xEF, 0xBC, 0x87], // ＇ fullwidth apostrophe
        [0xE2, 0x80, 0xB2], // ′ prime
        [0xE2, 0x80, 0x98], // ‘ left single quotation mark
        [0x60],             // ` grave accent
    ]

    static func isApostrophe(_ segment: UnsafeBufferPointer<UInt8>) -> Bool {
        segment.elementsEqual([0x27]) || apostropheVariants.contains { segment.elementsEqual($0) }
    }

    /// Writes the normalised form of `segment` to the start of `output` (growing it when
    /// needed) and returns its length.
    static func normalize(
        _ segment: UnsafeBufferPointer<UInt8>, into output: inout [UInt8], scratch: inout [UInt8], icu: BreakIterators
    ) -> Int {
        if output.count < segment.count * 3 + 8 {
            output = Array(repeating: 0, count: segment.count * 3 + 8)
        }
        if let length = output.withUnsafeMutableBufferPointer({ foldASCII(segment, into: $0) }) {
            return length
        }
        replaceApostrophes(segment, into: &scratch)
        let folded = scratch.withUnsafeBufferPointer { source in
            output.withUnsafeMutableBufferPointer { icu.foldCase(source, into: $0) }
        }
        if let folded { return folded }
        for (index, byte) in scratch.enumerated() { output[index] = byte }
        return scratch.count
    }

    /// The common case without ICU: ASCII, perhaps with apostrophe variants ("I’m"). Case
    /// folding ASCII is lowering its letters. Returns nil for any other non-ASCII byte.
    private static func foldASCII(_ segment: UnsafeBufferPointer<UInt8>, into output: UnsafeMutableBufferPointer<UInt8>) -> Int? {
        var length = 0
        var index = 0
        while index < segment.count {
            let byte = segment[index]
            if byte < 0x80 {
                output[length] = byte == 0x60 ? 0x27 : byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
                length += 1
                index += 1
                continue
            }
            guard let variant = apostropheVariants.first(where: { variant in
                index + variant.count <= segment.count
                    && variant.indices.allSatisfy { segment[index + $0] == variant[$0] }
            }) else { return nil }
            output[length] = 0x27
            length += 1
            index += variant.count
        }
        return length
    }

    /// Normalises a word written in a lexicon (outside the hot path).
    static func normalize(_ word: String, icu: BreakIterators) -> String {
        var output: [UInt8] = []
        var scratch: [UInt8] = []
        let length = Array(word.utf8).withUnsafeBufferPointer {
            normalize($0, into: &output, scratch: &scratch, icu: icu)
        }
        return String(decoding: output[0..<length], as: UTF8.self)
    }

    private static func replaceApostrophes(_ segment: UnsafeBufferPointer<UInt8>, into scratch: inout [UInt8]) {
        scratch.removeAll(keepingCapacity: true)
        var index = 0
        outer: while index < segment.count {
            for variant in apostropheVariants where index + variant.count <= segment.count {
                if segment[index..<index + variant.count].elementsEqual(variant) {
                    scratch.append(0x27)
                    index += variant.count
                    continue outer
                }
            }
            scratch.append(segment[index])
            index += 1
        }
    }
}
