/// One entry of a journal export, ready for analysis.
struct JournalEntry {
    /// The export's id for the entry (Day One's uuid, an id column), else its file and place.
    let id: String
    let date: EntryDate?
    /// The file it came from (`export.zip:Journal.json` for a file inside an archive).
    let source: String
    /// Where in the source it starts (`line 12`, `entry 3`), for messages.
    let location: String?
    let title: String?
    let tags: [String]
    /// The text that is analysed (front matter and code blocks already removed).
    let text: String
}

/// An entry, or a part of an export, that could not be read; the other entries go on.
struct EntryFailure: Error {
    let source: String
    let location: String?
    /// The entry's id when it could be read.
    let id: String?
    let message: String

    /// `file, line 12: message`, as printed on standard error.
    var description: String {
        [source, location].compactMap { $0 }.joined(separator: ", ") + ": " + message
    }
}

/// What a reader hands on, in export order: an entry, a failure, or a note that a file found
/// in a folder is not an export after all (it holds no entries, so nothing is lost).
enum EntryRead {
    case entry(JournalEntry)
    case failure(EntryFailure)
    case notAnExport(path: String, reason: String)
}
