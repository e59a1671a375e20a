/// A parsed pattern (see Lexicons/README.md for the syntax). Words are kept as written and
/// normalised when the pattern is compiled.
indirect enum Pattern: Sendable, Hashable {
    /// A word ("always"), matched after normalisation.
    case word(String)
    /// A word prefix ("fail" for `fail*`).
    case prefix(String)
    /// A punctuation mark named in the pattern (`,`, `?`).
    case punctuation(String)
    /// `@name`: the words and phrases of a class.
    case classReference(String)
    /// `!x`: any one word that `x` (a word, prefix or single-word class) does not match.
    case negated(Pattern)
    case sequence([Pattern])
    case alternatives([Pattern])
    /// `[x]`
    case optional(Pattern)
    /// `{min,max}`: that many words of any kind.
    case gap(min: Int, max: Int)
    /// `^`
    case sentenceStart
    /// `$`
    case sentenceEnd
    /// `<x>`: the part of the match that is reported.
    case focus(Pattern)
}
