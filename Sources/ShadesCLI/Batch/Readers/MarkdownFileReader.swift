/// Markdown with optional YAML front matter (Obsidian, Jekyll, Hugo): one entry per file.
/// The front matter gives the date, title, tags and id; it is not analysed, and neither are
/// fenced code blocks and inline code.
struct MarkdownFileReader: EntryReader {
    let options: ReadOptions

    func read(_ file: ExportFile, emit: (EntryRead) throws -> Void) throws {
        let bytes: [UInt8]
        switch file.contents(limit: options.maxEntryBytes) {
        case .failure(let failure): return try emit(.failure(failure))
        case .success(let contents): bytes = contents
        }
        let document: MarkdownDocument
        do {
            document = try MarkdownDocument(decodeText(bytes))
        } catch {
            return try emit(.failure(EntryFailure(source: file.path, location: error.location, id: nil, message: error.message)))
        }
        let matter = document.frontMatter
        let id = matter.string("id") ?? matter.string("uuid")
        var date: EntryDate?
        if let written = matter.string("date") ?? matter.string("created") {
            do {
                date = try EntryDate.parse(written)
            } catch {
                return try emit(.failure(EntryFailure(source: file.path, location: "front matter", id: id, message: "date: \(error.message)")))
            }
        }
        try emit(TextFileReader.entry(
            file: file, text: document.body, date: date, id: id, title: matter.string("title"), tags: matter.list("tags")))
    }
}
