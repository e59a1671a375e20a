import Foundation

/// A Markdown file split into its YAML front matter and the prose that is analysed.
struct MarkdownDocument {
    struct ParseError: Error {
        let location: String
        let message: String
    }

    let frontMatter: FrontMatter
    /// The text without front matter, fenced code blocks (each left as an empty line) and
    /// inline code spans.
    let body: String

    init(_ text: String) throws(ParseError) {
        // Split on the scalars: "\r\n" is a single Character, so splitting Characters on "\n"
        // would leave CRLF files in one piece.
        var lines = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            Substring(line.last == "\r" ? line.dropLast() : line)
        }
        var frontMatter = FrontMatter(lines: [])
        if lines.first?.trimmingTrailingSpaces == "---" {
            guard let end = lines.dropFirst().firstIndex(where: { ["---", "..."].contains($0.trimmingTrailingSpaces) }) else {
                throw ParseError(location: "line 1", message: "the front matter that starts here has no closing '---' line")
            }
            frontMatter = FrontMatter(lines: Array(lines[1..<end]))
            lines.removeSubrange(0...end)
        }
        self.frontMatter = frontMatter
        var kept: [Substring] = []
        var fence: Substring?
        for line in lines {
            let indented = line.prefix { $0 == " " }
            let content = line.dropFirst(indented.count)
            if let open = fence {
                if indented.count < 4, content.hasPrefix(open), content.drop(while: { $0 == open.first }).allSatisfy(\.isWhitespace) {
                    fence = nil
                    kept.append("")
                }
                continue
            }
            if indented.count < 4, let marker = content.first, marker == "`" || marker == "~" {
                let run = content.prefix { $0 == marker }
                if run.count >= 3 && !(marker == "`" && content.dropFirst(run.count).contains("`")) {
                    fence = run
                    continue
                }
            }
            kept.append(Self.removingInlineCode(line))
        }
        body = kept.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The line without `code spans` (a run of backticks up to the same run).
    private static func removingInlineCode(_ line: Substring) -> Substring {
        guard line.contains("`") else { return line }
        var result = ""
        var rest = line[...]
        while let open = rest.firstIndex(of: "`") {
            let run = rest[open...].prefix { $0 == "`" }
            let after = rest[run.endIndex...]
            guard let close = after.firstRange(of: run) else { break }
            result += rest[..<open]
            rest = after[close.upperBound...]
        }
        return Substring(result + rest)
    }
}

extension Substring {
    var trimmingTrailingSpaces: Substring {
        var result = self
        while let last = result.last, last == " " || last == "\t" { result.removeLast() }
        return result
    }
}
