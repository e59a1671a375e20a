import Foundation
import Shades
import ShadesFilter

/// JSON Lines: one entry per object; blank lines are not entries.
struct JSONLinesEntryReader: EntryReader {
    let options: ReadOptions

    func read(_ file: ExportFile, emit: (EntryRead) throws -> Void) throws {
        try file.withDescriptor(emit: emit) { descriptor in try read(file, descriptor: descriptor, emit: emit) }
    }

    private func read(_ file: ExportFile, descriptor: Int32, emit: (EntryRead) throws -> Void) throws {
        let reader = RecordReader(descriptor: descriptor, mode: .lines, maxRecordBytes: options.maxEntryBytes, overlong: .skip)
        while true {
            let record: RecordReader.Record
            do {
                guard let next = try reader.next(onSplit: { _ in }) else { return }
                record = next
            } catch {
                return try emit(.failure(EntryFailure(source: file.path, location: nil, id: nil, message: "cannot be read (\(error.message))")))
            }
            if record.isOverlong {
                try emit(.failure(EntryFailure(
                    source: file.path, location: "line \(record.line)", id: nil,
                    message: "the line is longer than --max-entry-bytes (\(options.maxEntryBytes)); it was not read")))
                continue
            }
            let line = record.line == 1 && record.bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(record.bytes.dropFirst(3)) : record.bytes
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
            try emit(entry(line, source: file.path, line: record.line))
        }
    }

    private func entry(_ bytes: [UInt8], source: String, line: Int) -> EntryRead {
        let (valid, parsed) = JSONObjectScanner.parseLine(bytes)
        switch parsed {
        case .failure(let error):
            return .failure(EntryFailure(
                source: source, location: "line \(line)", id: "\(source):\(line)",
                message: "invalid JSON at byte \(error.offset + 1): \(error.message)"))
        case .success(let members):
            func value(_ name: String) -> String? {
                guard let member = members.first(where: { $0.key == name }) else { return nil }
                if let string = member.string { return string }
                let raw = String(decoding: valid[member.rawValue], as: UTF8.self)
                return raw == "null" ? nil : raw
            }
            var date = value(options.dateField)
            if let member = members.first(where: { $0.key == options.dateField }), member.string == nil, let written = date {
                // A JSON number is a Unix time in UTC, in seconds (or milliseconds when it is that large).
                guard let number = Double(written), number.isFinite else {
                    return .failure(EntryFailure(
                        source: source, location: "line \(line)", id: value(options.idField) ?? "\(source):\(line)",
                        message: "\(options.dateField): \(written) is neither a date string nor a Unix time"))
                }
                let seconds = abs(number) > 1e11 ? number / 1000 : number
                guard (-62_135_596_800...253_402_300_799).contains(seconds) else {
                    return .failure(EntryFailure(
                        source: source, location: "line \(line)", id: value(options.idField) ?? "\(source):\(line)",
                        message: "\(options.dateField): \(written) is not a Unix time between the years 1 and 9999"))
                }
                date = EntryDate(Date(timeIntervalSince1970: seconds), in: TimeZone(identifier: "UTC")!).description
            }
            let textMember = members.first { $0.key == options.textField }
            if let textMember, textMember.string == nil {
                return .failure(EntryFailure(
                    source: source, location: "line \(line)", id: value(options.idField) ?? "\(source):\(line)",
                    message: "the \"\(options.textField)\" member is not a string"))
            }
            return RecordEntry.make(
                text: textMember?.string, date: date, id: value(options.idField), source: source, line: line, options: options)
        }
    }
}
