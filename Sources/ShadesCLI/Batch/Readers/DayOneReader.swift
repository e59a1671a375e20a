import Foundation
import ZIPFoundation

/// The Day One JSON export: `{"entries": [{"uuid", "creationDate", "timeZone", "text",
/// "tags", ...}]}`, as a `.json` file or inside the export's `.zip` (every JSON file in it).
/// The date is the day in the entry's own time zone when the export names one.
struct DayOneReader: EntryReader {
    let options: ReadOptions

    func read(_ file: ExportFile, emit: (EntryRead) throws -> Void) throws {
        if (file.path as NSString).pathExtension.lowercased() == "zip" {
            try readArchive(file, emit: emit)
        } else {
            switch file.contents(limit: options.maxEntryBytes) {
            case .failure(let failure): try emit(.failure(failure))
            case .success(let bytes): try readJSON(Data(bytes), source: file.path, isNamed: file.isNamed, emit: emit)
            }
        }
    }

    private func readArchive(_ file: ExportFile, emit: (EntryRead) throws -> Void) throws {
        let archive: Archive
        do {
            archive = try Archive(url: URL(fileURLWithPath: file.path), accessMode: .read)
        } catch {
            return try emit(.failure(EntryFailure(source: file.path, location: nil, id: nil, message: "is not a readable zip archive")))
        }
        let members = archive.filter { member in
            member.type == .file && member.path.lowercased().hasSuffix(".json")
                && !member.path.split(separator: "/").contains { $0.hasPrefix(".") || $0 == "__MACOSX" }
        }.sorted { $0.path < $1.path }
        guard !members.isEmpty else {
            if !file.isNamed { return try emit(.notAnExport(path: file.path, reason: "holds no JSON file")) }
            return try emit(.failure(EntryFailure(source: file.path, location: nil, id: nil, message: "holds no Day One JSON file")))
        }
        for member in members {
            let source = "\(file.path):\(member.path)"
            guard member.uncompressedSize <= UInt64(options.maxEntryBytes) else {
                try emit(.failure(EntryFailure(
                    source: source, location: nil, id: nil,
                    message: "is \(member.uncompressedSize) bytes, more than --max-entry-bytes (\(options.maxEntryBytes)); it was not read")))
                continue
            }
            var data = Data()
            do {
                // The header's size may lie: count what is actually extracted.
                _ = try archive.extract(member) { chunk in
                    data.append(chunk)
                    if data.count > options.maxEntryBytes { throw OversizedMember() }
                }
            } catch is OversizedMember {
                try emit(.failure(EntryFailure(
                    source: source, location: nil, id: nil,
                    message: "extracts to more than --max-entry-bytes (\(options.maxEntryBytes)); it was not read")))
                continue
            } catch {
                try emit(.failure(EntryFailure(source: source, location: nil, id: nil, message: "cannot be extracted (\(error))")))
                continue
            }
            try readJSON(data, source: source, isNamed: true, emit: emit)
        }
    }

    /// - Parameter isNamed: whether JSON without `entries` is a failure (else it is passed over).
    private func readJSON(_ data: Data, source: String, isNamed: Bool, emit: (EntryRead) throws -> Void) throws {
        let root: Any
        do {
            root = try JSONSerialization.jsonObject(with: data)
        } catch {
            let detail = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "not valid JSON"
            return try emit(.failure(EntryFailure(source: source, location: nil, id: nil, message: "invalid JSON: \(detail)")))
        }
        guard let entries = (root as? [String: Any])?["entries"] as? [Any] else {
            if !isNamed { return try emit(.notAnExport(path: source, reason: "is JSON without an \"entries\" array")) }
            return try emit(.failure(EntryFailure(
                source: source, location: nil, id: nil, message: "is not a Day One export (no \"entries\" array at the top)")))
        }
        let formatter = ISO8601DateFormatter()
        for (index, value) in entries.enumerated() {
            try emit(Self.entry(value, source: source, location: "entry \(index + 1)", formatter: formatter))
        }
    }

    private struct OversizedMember: Error {}

    private static func entry(_ value: Any, source: String, location: String, formatter: ISO8601DateFormatter) -> EntryRead {
        guard let object = value as? [String: Any] else {
            return .failure(EntryFailure(source: source, location: location, id: nil, message: "the entry is not a JSON object"))
        }
        let id = object["uuid"] as? String ?? "\(source):\(location)"
        func failure(_ message: String) -> EntryRead {
            .failure(EntryFailure(source: source, location: location, id: id, message: message))
        }
        guard let rawText = object["text"] as? String else {
            return failure(object["text"] == nil ? "the entry has no text" : "the entry's text is not a string")
        }
        let text = plainText(rawText)
        guard text.contains(where: { !$0.isWhitespace }) else { return failure("the entry has no text (only photos or white space)") }
        // Without a creationDate the entry is undated, as in the other formats.
        var localDate: EntryDate?
        if let written = object["creationDate"] as? String {
            do {
                localDate = try EntryDate.parse(written)
            } catch {
                return failure("creationDate: \(error.message)")
            }
            if let zone = (object["timeZone"] as? String).flatMap(TimeZone.init(identifier:)),
               let instant = formatter.date(from: written) ?? Self.withFractionalSeconds(formatter, written) {
                localDate = EntryDate(instant, in: zone)
            }
        }
        let tags = (object["tags"] as? [Any])?.map { "\($0)" } ?? []
        return .entry(JournalEntry(id: id, date: localDate, source: source, location: location, title: nil, tags: tags, text: text))
    }

    private static func withFractionalSeconds(_ formatter: ISO8601DateFormatter, _ written: String) -> Date? {
        let fractional = ISO8601DateFormatter()
        fractional.formatOptions = formatter.formatOptions.union(.withFractionalSeconds)
        return fractional.date(from: written)
    }

    /// Day One's Markdown without its photo references (`![](dayone-moment://…)`) and with
    /// its backslash escapes (`\.`, `\-`, `\!`) undone.
    static func plainText(_ text: String) -> String {
        var result = ""
        var rest = Substring(text)
        while let image = rest.range(of: "![](dayone-moment:") {
            result += rest[..<image.lowerBound]
            rest = rest[image.upperBound...]
            if let close = rest.firstIndex(of: ")") { rest = rest[rest.index(after: close)...] } else { rest = "" }
        }
        result += rest
        var unescaped = ""
        var escaping = false
        for character in result {
            if escaping {
                if !(character.isASCII && character.isPunctuation || character.isSymbol && character.isASCII) { unescaped.append("\\") }
                unescaped.append(character)
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else {
                unescaped.append(character)
            }
        }
        if escaping { unescaped.append("\\") }
        return unescaped.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
