/// A problem in a lexicon file, with the place it was found.
public struct LexiconError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file (or name) of the lexicon.
    public let file: String
    /// The 1-based line, or 0 when the problem concerns the whole file.
    public let line: Int
    /// What is wrong, in words a lexicon author can act on.
    public let message: String

    /// An error at `file:line` (line 0 when it concerns the whole file).
    public init(file: String, line: Int, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    init(_ location: SourceLocation, _ message: String) {
        self.init(file: location.file, line: location.line, message: message)
    }

    /// `file:line: message`, or `file: message` for line 0.
    public var description: String { line > 0 ? "\(file):\(line): \(message)" : "\(file): \(message)" }
}
