/// One lexicon file: rules, word classes, fixed expressions, spellings and absolutist markers.
///
/// The format is plain text meant to be edited by people who do not write Swift; see
/// `Lexicons/README.md`. The default lexicons are built into the library (`Lexicon.defaults`).
public struct Lexicon: Sendable {
    /// The file name (or the name given to `init(source:name:)`).
    public let name: String
    /// The detection rules, in file order.
    public let rules: [Rule]
    let markers: [Located<String>]
    let classes: [WordClass]
    let spellings: [Located<(typed: String, standard: [String])>]
    let fixedExpressions: [FixedExpression]

    /// Parses lexicon text.
    /// - Parameters:
    ///   - source: the text of a lexicon file.
    ///   - name: the name used in error messages (usually the file path).
    /// - Throws: `LexiconError` naming the line and the problem.
    public init(source: String, name: String) throws(LexiconError) {
        self = try LexiconParser(name: name).parse(source)
    }

    /// Reads and parses a lexicon file.
    /// - Throws: `LexiconError` when the file cannot be read or is not a valid lexicon.
    public init(contentsOf path: String) throws(LexiconError) {
        let data = try FileContents.read(path)
        guard let text = String(validating: data, as: UTF8.self) else {
            throw LexiconError(file: path, line: 0, message: "is not valid UTF-8 text")
        }
        try self.init(source: text, name: path)
    }

    init(
        name: String, rules: [Rule], markers: [Located<String>], classes: [WordClass],
        spellings: [Located<(typed: String, standard: [String])>], fixedExpressions: [FixedExpression]
    ) {
        self.name = name
        self.rules = rules
        self.markers = markers
        self.classes = classes
        self.spellings = spellings
        self.fixedExpressions = fixedExpressions
    }

    /// The lexicons built into Shades (from the `Lexicons/` folder of the package).
    public static let defaults: [Lexicon] = EmbeddedLexicons.files.map { file in
        do {
            return try Lexicon(source: file.text, name: "Lexicons/" + file.name)
        } catch {
            fatalError("the built-in lexicon is invalid: \(error)")
        }
    }
}

/// `class NAME`: words and phrases reused in patterns as `@NAME`.
struct WordClass: Sendable {
    let name: String
    let members: [Located<Pattern>]
    let location: SourceLocation
}

/// `fixed NAME`: expressions that are never distortions ("all right", "after all").
struct FixedExpression: Sendable {
    let name: String
    let patterns: [Located<Pattern>]
    let examples: [Rule.Example]
}
