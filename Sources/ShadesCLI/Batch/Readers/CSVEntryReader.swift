import Foundation

/// CSV with a header row: one entry per row; the columns are found by name, ignoring case.
struct CSVEntryReader: EntryReader {
    let options: ReadOptions

    func read(_ file: ExportFile, emit: (EntryRead) throws -> Void) throws {
        try file.withDescriptor(emit: emit) { descriptor in try read(file, descriptor: descriptor, emit: emit) }
    }

    private func read(_ file: ExportFile, descriptor: Int32, emit: (EntryRead) throws -> Void) throws {
        let parser = CSVParser(descriptor: descriptor, maxRecordBytes: options.maxEntryBytes)
        func failure(_ line: Int?, _ message: String) -> EntryRead {
            .failure(EntryFailure(
                source: file.path, location: line.map { "line \($0)" }, id: line.map { "\(file.path):\($0)" }, message: message))
        }
        let first: CSVParser.Record?
        do {
            first = try parser.next()
        } catch {
            return try emit(failure(error.line, "the header row cannot be read: \(error.message)"))
        }
        guard let first else { return try emit(failure(nil, "the file is empty; expected a header row")) }
        let header = first.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        guard let textColumn = header.firstIndex(of: options.textField.lowercased()) else {
            return try emit(failure(1, "the header has no \"\(options.textField)\" column (it has \(header.joined(separator: ", "))); name the text column with --text-field"))
        }
        let dateColumn = header.firstIndex(of: options.dateField.lowercased())
        let idColumn = header.firstIndex(of: options.idField.lowercased())
        while true {
            let next: CSVParser.Record?
            do {
                next = try parser.next()
            } catch {
                try emit(failure(error.line, error.message))
                if error.isFinal { return }
                continue
            }
            guard let record = next else { return }
            guard record.fields.count == header.count else {
                try emit(failure(record.line, "the row has \(record.fields.count) fields, the header has \(header.count)"))
                continue
            }
            try emit(RecordEntry.make(
                text: record.fields[textColumn], date: dateColumn.map { record.fields[$0] },
                id: idColumn.map { record.fields[$0] }.flatMap { $0.isEmpty ? nil : $0 },
                source: file.path, line: record.line, options: options))
        }
    }
}
