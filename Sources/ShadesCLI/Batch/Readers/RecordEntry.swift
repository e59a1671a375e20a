/// Builds the entry of one JSON Lines record or CSV row from its text, date and id fields.
enum RecordEntry {
    /// - Parameters:
    ///   - text: the text field's value, nil when the record has none.
    ///   - date: the date field's value as written, nil when absent or empty (the entry is undated).
    ///   - id: the id field's value; without one the id is `source:line`.
    static func make(text: String?, date: String?, id: String?, source: String, line: Int, options: ReadOptions) -> EntryRead {
        let location = "line \(line)"
        let id = id ?? "\(source):\(line)"
        func failure(_ message: String) -> EntryRead {
            .failure(EntryFailure(source: source, location: location, id: id, message: message))
        }
        guard let text else { return failure("the entry has no \"\(options.textField)\" field") }
        guard text.contains(where: { !$0.isWhitespace }) else { return failure("the entry's \"\(options.textField)\" is empty") }
        guard text.utf8.count <= options.maxEntryBytes else {
            return failure("the entry is longer than --max-entry-bytes (\(options.maxEntryBytes)); it was not analysed")
        }
        var entryDate: EntryDate?
        if let date, !date.allSatisfy(\.isWhitespace) {
            do {
                entryDate = try EntryDate.parse(date)
            } catch {
                return failure("\(options.dateField): \(error.message)")
            }
        }
        return .entry(JournalEntry(id: id, date: entryDate, source: source, location: location, title: nil, tags: [], text: text))
    }
}
