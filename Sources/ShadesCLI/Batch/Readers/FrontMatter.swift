import Foundation

/// The YAML front matter of a Markdown file, read as journals write it: top-level
/// `key: value` pairs with plain or quoted values, and lists as `[a, b]` or as `- a` lines.
/// Nested mappings and multi-line strings are kept out of the way, not interpreted.
struct FrontMatter {
    private var values: [String: [String]] = [:]

    init(lines: [Substring]) {
        var currentKey: String?
        for line in lines {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            if line.first == " " || line.first == "\t" || trimmed.hasPrefix("- ") || trimmed == "-" {
                if let key = currentKey, trimmed.hasPrefix("-") {
                    let item = Self.unquoted(trimmed.dropFirst())
                    if !item.isEmpty { values[key, default: []].append(item) }
                }
                continue
            }
            guard let colon = trimmed.firstIndex(of: ":") else { currentKey = nil; continue }
            let key = trimmed[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            let value = trimmed[trimmed.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            currentKey = key
            if value.hasPrefix("[") && value.hasSuffix("]") {
                values[key] = value.dropFirst().dropLast().split(separator: ",").map { Self.unquoted($0) }.filter { !$0.isEmpty }
            } else if !value.isEmpty {
                values[key] = [Self.unquoted(Substring(value))]
            } else {
                values[key] = []
            }
        }
    }

    /// A single value (the first, for a list).
    func string(_ key: String) -> String? { values[key]?.first }

    /// A list; a single value written as `tags: a, b` or `tags: a` reads as a list too.
    func list(_ key: String) -> [String] {
        guard let list = values[key] else { return [] }
        if list.count == 1 { return list[0].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } }
        return list
    }

    private static func unquoted(_ text: Substring) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        for quote in ["\"", "'"] where trimmed.count >= 2 && trimmed.hasPrefix(quote) && trimmed.hasSuffix(quote) {
            return String(trimmed.dropFirst().dropLast())
        }
        if let comment = trimmed.range(of: " #") { return String(trimmed[..<comment.lowerBound]) }
        return trimmed
    }
}
