import ArgumentParser
import Foundation

/// The export formats `shades analyze` reads.
enum ExportFormat: String, ExpressibleByArgument, CaseIterable {
    /// Chosen per file from its extension, and from its first bytes when the extension is unknown.
    case auto
    /// One entry per plain text file.
    case txt
    /// One entry per Markdown file with optional YAML front matter.
    case md
    /// A Day One JSON export (`{"entries": [...]}`), or its `.zip`.
    case dayone
    /// One JSON object per line.
    case jsonl
    /// RFC 4180 CSV with a header row.
    case csv

    /// The format a file's extension names, nil for extensions that are not exports.
    static func forExtension(_ pathExtension: String) -> ExportFormat? {
        switch pathExtension.lowercased() {
        case "txt", "text": .txt
        case "md", "markdown": .md
        case "json", "zip": .dayone
        case "jsonl", "ndjson": .jsonl
        case "csv": .csv
        default: nil
        }
    }

    /// The format of a file named on the command line whose extension says nothing: JSON
    /// when it starts with `{` (Day One when it has an "entries" member near the start,
    /// else JSON Lines), plain text otherwise.
    static func sniff(_ prefix: [UInt8]) -> ExportFormat {
        let content = prefix.drop { [0x20, 0x09, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF].contains($0) }
        guard content.first == UInt8(ascii: "{") else { return .txt }
        let head = String(decoding: content.prefix(512), as: UTF8.self)
        return head.contains("\"entries\"") ? .dayone : .jsonl
    }
}

/// One file to read, with the format it is read as.
struct ExportFile {
    let path: String
    let format: ExportFormat
    let size: Int
    let modificationDate: Date?
    /// Named on the command line, rather than found in a folder: a file found in a folder that
    /// turns out not to be an export (an app's `package.json`) is passed over with a note.
    var isNamed = true
}
