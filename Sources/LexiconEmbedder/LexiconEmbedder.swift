import Foundation

/// Build tool: writes a Swift file that holds the text of the default lexicons, so that the
/// `shades` binary works on its own with no resource folder beside it.
///
/// Usage: LexiconEmbedder OUTPUT.swift LEXICON.shades...
@main
struct LexiconEmbedder {
    static func main() throws {
        let arguments = CommandLine.arguments.dropFirst()
        guard let output = arguments.first else {
            FileHandle.standardError.write(Data("usage: LexiconEmbedder OUTPUT.swift LEXICON.shades...\n".utf8))
            exit(2)
        }
        var swift = "// Generated at build time by LexiconEmbedder from the Lexicons folder. Do not edit.\n"
        swift += "enum EmbeddedLexicons {\n    static let files: [(name: String, text: String)] = [\n"
        for path in arguments.dropFirst().sorted() {
            let url = URL(fileURLWithPath: path)
            let text = try String(contentsOf: url, encoding: .utf8)
            let delimiter = String(repeating: "#", count: longestRunOfHashes(in: text) + 1)
            swift += "        (\"\(url.lastPathComponent)\", \(delimiter)\"\"\"\n\(text)\n\"\"\"\(delimiter)),\n"
        }
        swift += "    ]\n}\n"
        try Data(swift.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
    }

    private static func longestRunOfHashes(in text: String) -> Int {
        var longest = 0
        var current = 0
        for character in text {
            current = character == "#" ? current + 1 : 0
            longest = max(longest, current)
        }
        return longest
    }
}
