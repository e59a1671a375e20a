import Foundation
import PropertyBased
import Testing
@testable import Shades

/// `CommonTextBreaker` must give ICU's word boundaries, rule statuses and sentence ends exactly,
/// for every text it accepts (`TextBreaks` runs both).
@Suite struct CommonTextBreakerTests {
    /// Characters and pieces that reach every rule: joiners between letters and digits, the
    /// terminators before capitals, lower case and digits, quotes, brackets and spaces around
    /// them, line separators, control characters and the typographic punctuation.
    static let pieces: [String] = [
        "a", "Z", "e", "T", "7", "0", " ", "  ", "\t", "\n", "\r", "\r\n", "\u{0B}", "\u{0C}", "\u{00}", "\u{01}", "\u{1D}", "\u{7F}", "@",
        ".", "!", "?", ",", ";", ":", "-", "_", "'", "\"", "(", ")", "[", "]", "{", "}", "$", "#", "`",
        "’", "‘", "“", "”", "–", "—", "…", "U.S.", "e.g. ", "3.14", "1,000", "can’t", "don't", "I’m ",
    ]

    static func accepted(_ text: String) -> Bool {
        var boundaries: [(offset: Int, status: Int32)] = []
        var sentenceEnds: [Int] = []
        return Array(text.utf8).withUnsafeBufferPointer {
            CommonTextBreaker.breaks($0, boundaries: &boundaries, sentenceEnds: &sentenceEnds)
        }
    }

    static func difference(_ text: String) -> String? {
        Array(text.utf8).withUnsafeBufferPointer { TextBreaks.difference($0) }
    }

    @Test(arguments: [
        "He said. “Hi.” Then… he left! ok? yes. Mr. Smith e.g. the end",
        "U.S. policy; 3.14 and 1,000.5 – a_1 1_a __ _ foo_bar can’t ‘quoted’ x.y a:b",
        "Done.\r\nNext line\nand\u{0B}more\u{0C}. (Really.) [Yes!] \"No.\" Go. 1 more. Wait.. what?! Fine",
        "ALL CAPS. NEVER again!!! i’m ok… — or not — . a. B. c.",
        "Sl@pt at 5@6, mail me@home.org @ noon; tabs\tand\u{00}NUL\u{1D}too.",
    ])
    func equalsICUOnSentencesThatReachEveryRule(text: String) {
        #expect(Self.accepted(text))
        #expect(Self.difference(text) == nil)
    }

    @Test func equalsICUOnEveryLineOfTheExampleJournal() throws {
        let journal = try String(contentsOf: URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Examples/journal.txt"), encoding: .utf8)
        #expect(Self.accepted(journal))
        #expect(Self.difference(journal) == nil)
    }

    @Test func equalsICUOnRandomText() async {
        await propertyCheck(count: 3000, input: Gen<String?>.element(of: Self.pieces).array(of: 0...40)) { pieces in
            let text = pieces.compactMap { $0 }.joined()
            #expect(Self.accepted(text))
            #expect(Self.difference(text) == nil, "\(Array(text.unicodeScalars))")
        }
    }

    @Test(arguments: ["café", "naïve’s", "日本語", "emoji 🙂", "\u{2028}", "x\u{00A0}y", "\u{FF07}", "a\u{0301}"])
    func leavesOtherCharactersToICU(text: String) {
        #expect(!Self.accepted(text))
    }

    @Test func leavesInvalidUTF8ToICU() {
        for bytes: [UInt8] in [[0xE2], [0xE2, 0x80], [0x61, 0xE2, 0x80, 0x99, 0xFF], [0xC3]] {
            var boundaries: [(offset: Int, status: Int32)] = []
            var sentenceEnds: [Int] = []
            let accepted = bytes.withUnsafeBufferPointer {
                CommonTextBreaker.breaks($0, boundaries: &boundaries, sentenceEnds: &sentenceEnds)
            }
            #expect(!accepted && boundaries.isEmpty && sentenceEnds.isEmpty)
        }
    }
}
