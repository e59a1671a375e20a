import Foundation

/// Plain text: one entry per file, dated by a date in the file name, else a date starting the
/// first line, else the file's modification time.
struct TextFileReader: EntryReader {
    let options: ReadOptions

    func read(_ file: ExportFile, emit: (EntryRead) throws -> Void) throws {
        switch file.contents(limit: options.maxEntryBytes) {
        case .failure(let failure):
            try emit(.failure(failure))
        case .success(let bytes):
            try emit(Self.entry(file: file, text: decodeText(bytes), date: nil, id: nil, title: nil, tags: []))
        }
    }

    /// The entry of a one-entry file; `date` nil falls back to the file name, then a date
    /// starting the first line, then the modification time.
    static func entry(file: ExportFile, text: String, date: EntryDate?, id: String?, title: String?, tags: [String]) -> EntryRead {
        let id = id ?? file.path
        guard text.contains(where: { !$0.isWhitespace }) else {
            return .failure(EntryFailure(source: file.path, location: nil, id: id, message: "the entry has no text"))
        }
        var entryDate = date
        if entryDate == nil {
            do {
                entryDate = try EntryDate.inFileName((file.path as NSString).lastPathComponent)
                if entryDate == nil { entryDate = EntryDate.atStart(of: text) }
            } catch {
                return .failure(EntryFailure(source: file.path, location: nil, id: id, message: error.message))
            }
        }
        if entryDate == nil, let modified = file.modificationDate {
            entryDate = EntryDate(modified, in: .current)
        }
        return .entry(JournalEntry(id: id, date: entryDate, source: file.path, location: nil, title: title, tags: tags, text: text))
    }
}
