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

    /// Figures for a text with these findings: counts per category, the safety count and the
    /// severity 1 − Π(1 − severity) over the distortion findings.
    init(words: Int, absolutistWords: Int, findings: [Finding]) {
        var counts = Dictionary(uniqueKeysWithValues: Category.distortions.map { ($0, 0) })
        var unflagged = 1.0
        for finding in findings where finding.category != .safety {
            counts[finding.category, default: 0] += 1
            unflagged *= 1 - finding.severity
        }
        self.words = words
        self.absolutistWords = absolutistWords
        self.categories = counts
        self.safetyFindings = findings.count { $0.category == .safety }
        self.severity = (1 - unflagged).roundedToThousandths
    }

    /// `absolutistWords / words` (0 for an empty text): the absolutist index as Al-Mosaiwi &
    /// Johnstone compute it, as a proportion (multiply by 100 for their percentages).
    public var absolutistIndex: Double { words == 0 ? 0 : Double(absolutistWords) / Double(words) }
}
