/// What kind of language a finding is about.
public enum Category: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    /// Dichotomous, totalising judgements: "a total failure", "perfect or worthless".
    case allOrNothing = "all-or-nothing"
    /// Always/never/everyone/nothing applied to what happens: "nothing ever works out for me".
    case overgeneralization
    /// Should, must, have to aimed at oneself or others: "I should have known better".
    case should
    /// Global labels of oneself or others: "I'm a failure", "he is an idiot".
    case labeling
    /// Phrases of hopelessness or self-harm. Reported apart from the four distortion
    /// categories and never counted in their scores.
    case safety

    /// The four cognitive-distortion categories (everything but `safety`).
    public static let distortions: [Category] = [.allOrNothing, .overgeneralization, .should, .labeling]

    /// The category id, e.g. `all-or-nothing`.
    public var description: String { rawValue }
}
