import Foundation

/// Build tool: writes a Swift file holding the text of some files of the package (the default
/// lexicons, the OpenAPI document), so the binaries work on their own with no resource folder
/// beside them.
///
/// Usage: ResourceEmbedder OUTPUT.swift TYPE-NAME FILE...
@main
struct ResourceEmbedder {
    static func main() throws {
        let arguments = Array(CommandLine.arguments.dropFirst())
        guard arguments.count >= 2 else {
            FileHandle.standardError.write(Data("usage: ResourceEmbedder OUTPUT.swift TYPE-NAME FILE...\n".utf8))
            exit(2)
        }
        var swift = "// Generated at build time by ResourceEmbedder. Do not edit.\n"
        swift += "enum \(arguments[1]) {\n    static let files: [(name: String, text: String)] = [\n"
        for path in arguments.dropFirst(2).sorted() {
            let url = URL(fileURLWithPath: path)
            let text = try String(contentsOf: url, encoding: .utf8)
            let delimiter = String(repeating: "#", count: longestRunOfHashes(in: text) + 1)
            swift += "        (\"\(url.lastPathComponent)\", \(delimiter)\"\"\"\n\(text)\n\"\"\"\(delimiter)),\n"
        }
        swift += "    ]\n}\n"
        try Data(swift.utf8).write(to: URL(fileURLWithPath: arguments[0]), options: .atomic)
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
