/// One phrase that a rule flagged.
public struct Finding: Sendable, Hashable {
    /// What kind of language was found.
    public let category: Category
    /// The id of the rule that fired.
    public let rule: String
    /// The rule's pattern that matched, as written in the lexicon.
    public let pattern: String
    /// The flagged text, as written.
    public let match: String
    /// The flagged text's UTF-8 byte range in the analysed text.
    public let utf8Range: Range<Int>
    /// The flagged text's range in Unicode scalars (code points) of the analysed text, as
    /// Python slices strings; invalid UTF-8 counts as one U+FFFD per ill-formed sequence.
    public let unicodeScalarRange: Range<Int>
    /// Index of the sentence, from 0: ICU's sentences, also split where a lowercase word
    /// follows a full stop ("missed the bus. i always mess up").
    public let sentence: Int
    /// 0 to 1: the rule's base severity adjusted by the modifiers.
    public let severity: Double
    /// A gentle description of the phrasing.
    public let message: String
    /// One to three reframes.
    public let suggestions: [String]
    /// The context that applied, in a fixed order.
    public let modifiers: [Modifier]
}
