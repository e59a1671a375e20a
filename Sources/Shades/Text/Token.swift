/// One ICU word-boundary segment of the input that is not white space.
struct Token: Sendable, Equatable {
    enum Kind: UInt8, Sendable { case word, number, punctuation }

    struct Flags: OptionSet, Sendable, Equatable {
        let rawValue: UInt8
        /// Two or more letters, none of them lower case ("NEVER").
        static let allCaps = Flags(rawValue: 1 << 0)
        /// Punctuation that ends a clause (, ; : . … dashes, brackets): pattern gaps stop here.
        static let clauseBreak = Flags(rawValue: 1 << 1)
        /// A double quotation mark (" “ ” « »): text between them counts as quoted.
        static let doubleQuote = Flags(rawValue: 1 << 2)
        /// A question mark.
        static let question = Flags(rawValue: 1 << 3)
        /// A colon, which after a short label ("Thought:", "Me:") starts the sentence anew.
        static let colon = Flags(rawValue: 1 << 4)
        /// A full stop or an ellipsis, after which a lowercase word starts a sentence anew.
        static let fullStop = Flags(rawValue: 1 << 5)
        /// The second or a later word of a typed form that a spelling reads as several ("to" of
        /// "gonna", read as "going to"): it spans the same bytes and is not counted as a word.
        static let continuesTypedWord = Flags(rawValue: 1 << 6)
    }

    /// UTF-8 byte range in the analysed text.
    var start: Int
    var end: Int
    var kind: Kind
    var flags: Flags
    /// Index of the sentence the token belongs to, from 0: ICU's sentences, also split where a
    /// lowercase word follows a full stop (see `Tokenizer`).
    var sentence: Int
    /// Range of this token's symbols in `TextWorkspace.symbols`.
    var symbols: Range<Int>

    var isWordLike: Bool { kind != .punctuation }

    /// A word or number as the writer typed it: a typed form read as several words counts once.
    var isTypedWord: Bool { isWordLike && !flags.contains(.continuesTypedWord) }
}
