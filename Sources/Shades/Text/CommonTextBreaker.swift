/// ICU's word and sentence boundaries, found without ICU for text made only of ASCII and the
/// typographic punctuation phones and word processors put in (’ ‘ “ ” – — …): most journals.
/// For such text the Unicode rules (UAX #29, as ICU's root rules tailor them: ':' does not
/// join letters, '@' is a letter) reduce to a few character classes and lookaheads, scanned
/// over the bytes in one pass each. Any other character makes `breaks` return false, and ICU
/// does the work.
///
/// The results equal ICU's, rule status included: the tests and the `breaks` fuzz target
/// compare the two on arbitrary text.
enum CommonTextBreaker {
    /// Word-break classes (UAX #29 Word_Break, for the characters this type reads).
    private enum WordClass: UInt8 {
        case other, carriageReturn, lineFeed, newline, space, letter, digit
        /// . ‘ ’ and ' (MidNumLet and Single_Quote): join letters to letters, digits to digits.
        case midNumberLetter
        /// , ; (MidNum): join digits to digits.
        case midNumber
        /// _ (ExtendNumLet).
        case connector
    }

    /// Sentence-break classes (UAX #29 Sentence_Break).
    private enum SentenceClass: UInt8 {
        case other, carriageReturn, lineFeed, space, lower, upper, digit
        /// . (ATerm)
        case fullStop
        /// ! ? (STerm)
        case terminator
        /// Quotation marks and brackets (Close).
        case close
        /// , - : – — (SContinue).
        case continuation
    }

    /// ICU's word rule status for a segment ending in a letter, a number, or anything else.
    private static let letterStatus: Int32 = 200
    private static let numberStatus: Int32 = 100

    /// Fills `boundaries` (every word boundary after the first, with ICU's rule status) and
    /// `sentenceEnds` for `bytes`, or returns false, leaving both untouched, when `bytes` holds
    /// a character outside this type's repertoire.
    static func breaks(
        _ bytes: UnsafeBufferPointer<UInt8>,
        boundaries: inout [(offset: Int, status: Int32)], sentenceEnds: inout [Int]
    ) -> Bool {
        guard isCommonText(bytes) else { return false }
        guard !bytes.isEmpty else { return true }
        appendWordBoundaries(bytes, to: &boundaries)
        appendSentenceEnds(bytes, to: &sentenceEnds)
        return true
    }

    /// Whether every character is ASCII or one of ’ ‘ “ ” – — … (E2 80 xx in UTF-8).
    static func isCommonText(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x80 {
                index += 1
                continue
            }
            guard byte == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80 else { return false }
            switch bytes[index + 2] {
            case 0x93, 0x94, 0x98, 0x99, 0x9C, 0x9D, 0xA6: index += 3
            default: return false
            }
        }
        return true
    }

    // MARK: - Words

    /// `wordClass(of:)` of every byte value, read through a pointer in the scanning loop.
    nonisolated(unsafe) private static let wordClasses: UnsafePointer<WordClass> = {
        let table = UnsafeMutablePointer<WordClass>.allocate(capacity: 256)
        for byte in 0...255 { table[byte] = wordClass(of: UInt8(byte)) }
        return UnsafePointer(table)
    }()

    /// The word-break class of the character at `index` (ASCII, or E2 80 xx).
    @inline(__always)
    private static func wordClass(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int, _ classes: UnsafePointer<WordClass>) -> WordClass {
        let byte = bytes[index]
        guard byte == 0xE2 else { return classes[Int(byte)] }
        return bytes[index + 2] == 0x98 || bytes[index + 2] == 0x99 ? .midNumberLetter : .other
    }

    /// The word-break class of an ASCII byte (`.other` for any other).
    private static func wordClass(of byte: UInt8) -> WordClass {
        switch byte {
        case 0x61...0x7A, 0x41...0x5A, 0x40: return .letter // ICU counts @ as a letter ("me@home").
        case 0x30...0x39: return .digit
        case 0x20: return .space
        case 0x2E, 0x27: return .midNumberLetter
        case 0x2C, 0x3B: return .midNumber
        case 0x5F: return .connector
        case 0x0D: return .carriageReturn
        case 0x0A: return .lineFeed
        case 0x0B, 0x0C: return .newline
        default: return .other
        }
    }

    private static func length(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> Int {
        bytes[index] < 0x80 ? 1 : 3
    }

    private static func appendWordBoundaries(_ bytes: UnsafeBufferPointer<UInt8>, to boundaries: inout [(offset: Int, status: Int32)]) {
        let count = bytes.count
        let classes = wordClasses
        var start = 0
        while start < count {
            let first = wordClass(bytes, start, classes)
            var end = start + length(bytes, start)
            var status: Int32 = 0
            switch first {
            case .carriageReturn:
                if end < count, bytes[end] == 0x0A { end += 1 }
            case .space:
                while end < count, bytes[end] == 0x20 { end += 1 }
            case .letter, .digit, .connector:
                var last = first
                status = first == .letter ? letterStatus : first == .digit ? numberStatus : 0
                scan: while end < count {
                    let next = wordClass(bytes, end, classes)
                    switch next {
                    case .letter, .digit:
                        last = next
                        status = next == .letter ? letterStatus : numberStatus
                        end += 1
                    case .connector:
                        status = last == .digit ? numberStatus : letterStatus
                        last = .connector
                        end += 1
                    case .midNumberLetter, .midNumber:
                        // Joins only between two letters (not for , ;) or two digits.
                        let afterMark = end + length(bytes, end)
                        guard afterMark < count, last == .letter || last == .digit else { break scan }
                        let following = wordClass(bytes, afterMark, classes)
                        guard following == last, next == .midNumberLetter || last == .digit else { break scan }
                        end = afterMark + 1
                    default:
                        break scan
                    }
                }
            default:
                break
            }
            boundaries.append((end, status))
            start = end
        }
    }

    // MARK: - Sentences

    @inline(__always)
    private static func sentenceClass(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> SentenceClass {
        switch bytes[index] {
        case 0x61...0x7A: return .lower
        case 0x41...0x5A: return .upper
        case 0x30...0x39: return .digit
        case 0x20, 0x09, 0x0B, 0x0C: return .space
        case 0x2E: return .fullStop
        case 0x21, 0x3F: return .terminator
        case 0x22, 0x27, 0x28, 0x29, 0x5B, 0x5D, 0x7B, 0x7D: return .close
        case 0x2C, 0x2D, 0x3A: return .continuation
        case 0x0D: return .carriageReturn
        case 0x0A: return .lineFeed
        case 0xE2:
            switch bytes[index + 2] {
            case 0x98, 0x99, 0x9C, 0x9D: return .close
            case 0x93, 0x94: return .continuation
            default: return .other
            }
        default: return .other
        }
    }

    /// Only terminators and paragraph separators can end a sentence, so the scan jumps from
    /// one to the next; the class of the character before each is read where it is needed.
    private static func appendSentenceEnds(_ bytes: UnsafeBufferPointer<UInt8>, to sentenceEnds: inout [Int]) {
        let count = bytes.count
        let mayEnd = mayEndSentence
        var index = 0
        /// Where scanning last resumed after a sentence end, and the class that counts as the
        /// character before a terminator right there.
        var resumedAt = 0
        var classBeforeResume = SentenceClass.other
        while true {
            while index < count, !mayEnd[Int(bytes[index])] { index += 1 }
            guard index < count else { break }
            let current = sentenceClass(bytes, index)
            switch current {
            case .carriageReturn, .lineFeed:
                // A paragraph separator ends a sentence; CR LF is one.
                var end = index + 1
                if current == .carriageReturn, end < count, bytes[end] == 0x0A { end += 1 }
                sentenceEnds.append(end)
                index = end
                resumedAt = end
                classBeforeResume = .lineFeed
            default:
                let previous = index == resumedAt ? classBeforeResume : classOfCharacter(before: index, bytes)
                if let next = sentenceEnd(after: index, bytes, isFullStop: current == .fullStop, previous: previous) {
                    if next.isBreak { sentenceEnds.append(next.index) }
                    index = next.index
                    resumedAt = next.index
                    classBeforeResume = .other
                } else {
                    index += 1
                }
            }
        }
        if sentenceEnds.last != count { sentenceEnds.append(count) }
    }

    /// By byte value, whether it may end a sentence: . ! ? CR LF.
    nonisolated(unsafe) private static let mayEndSentence: UnsafePointer<Bool> = {
        let table = UnsafeMutablePointer<Bool>.allocate(capacity: 256)
        for byte in 0...255 { table[byte] = [0x2E, 0x0A, 0x3F, 0x21, 0x0D].contains(byte) }
        return UnsafePointer(table)
    }()

    /// The class of the character that ends just before `index` (ASCII, or E2 80 xx).
    private static func classOfCharacter(before index: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> SentenceClass {
        bytes[index - 1] < 0x80 ? sentenceClass(bytes, index - 1) : sentenceClass(bytes, index - 3)
    }

    /// After the terminator at `index`: where scanning resumes, and whether a sentence ends
    /// there; nil when the terminator is inside a word or number (SB6, SB7).
    private static func sentenceEnd(
        after index: Int, _ bytes: UnsafeBufferPointer<UInt8>, isFullStop: Bool, previous: SentenceClass
    ) -> (index: Int, isBreak: Bool)? {
        let count = bytes.count
        var end = index + 1
        if isFullStop, end < count {
            let next = sentenceClass(bytes, end)
            if next == .digit { return nil }                                            // SB6: 3.14
            if next == .upper && (previous == .upper || previous == .lower) { return nil } // SB7: U.S
        }
        while end < count, sentenceClass(bytes, end) == .close { end += length(bytes, end) }
        while end < count, sentenceClass(bytes, end) == .space { end += 1 }
        guard end < count else { return (end, false) }
        switch sentenceClass(bytes, end) {
        case .carriageReturn, .lineFeed:
            // SB9–SB11: the separator belongs to this sentence.
            var afterSeparator = end + 1
            if bytes[end] == 0x0D, afterSeparator < count, bytes[afterSeparator] == 0x0A { afterSeparator += 1 }
            return (afterSeparator, true)
        case .continuation, .fullStop, .terminator:
            return (end, false)                                                          // SB8a
        default:
            break
        }
        if isFullStop {
            // SB8: a full stop followed (past anything but letters and terminators) by a
            // lower-case letter does not end a sentence: "e.g. this".
            var ahead = end
            while ahead < count {
                switch sentenceClass(bytes, ahead) {
                case .lower: return (ahead, false)
                case .upper, .carriageReturn, .lineFeed, .fullStop, .terminator: return (end, true)
                default: ahead += length(bytes, ahead)
                }
            }
        }
        return (end, true)
    }
}
