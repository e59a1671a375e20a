/// Figures for one analysed text.
public struct Statistics: Sendable, Hashable {
    /// ICU word tokens (words and numbers; punctuation and spaces are not counted).
    public let words: Int
    /// Words from the Al-Mosaiwi & Johnstone (2018) absolutist dictionary, wherever they occur.
    public let absolutistWords: Int
    /// Findings per distortion category (all four categories are present, zero included).
    public let categories: [Category: Int]
    /// Safety findings, counted apart from the distortion categories.
    public let safetyFindings: Int
    /// 0 to 1: how strongly the text as a whole leans on all-or-nothing language
    /// (1 − Π(1 − severity) over its distortion findings).
    public let severity: Double

    /// `absolutistWords / words` (0 for an empty text): the absolutist index as Al-Mosaiwi &
    /// Johnstone compute it, as a proportion (multiply by 100 for their percentages).
    public var absolutistIndex: Double { words == 0 ? 0 : Double(absolutistWords) / Double(words) }
}
