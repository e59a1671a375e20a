import Foundation

/// Reads RFC 4180 CSV from a file descriptor in constant memory: fields separated by commas,
/// records by CRLF or LF, quoted fields with `""` for a quote and line breaks inside, a UTF-8
/// byte order mark ignored. A record that breaks the format is reported and reading goes on
/// at the next line.
final class CSVParser {
    struct Record {
        var fields: [String]
        /// The line (1-based) the record starts on.
        var line: Int
    }

    struct RecordError: Error {
        var line: Int
        var message: String
        /// Reading cannot go on after it (an unterminated quote runs to the end of the file).
        var isFinal = false
    }

    private let descriptor: Int32
    private let maxRecordBytes: Int
    private var buffer = [UInt8](repeating: 0, count: 1 << 16)
    private var position = 0
    private var count = 0
    private var atEnd = false
    private var line = 1
    private var isFirstRead = true

    init(descriptor: Int32, maxRecordBytes: Int) {
        self.descriptor = descriptor
        self.maxRecordBytes = maxRecordBytes
    }

    /// The next record, nil at the end; a malformed record throws (and the next call reads on).
    func next() throws(RecordError) -> Record? {
        var fields: [String] = []
        var field: [UInt8] = []
        var recordBytes = 0
        var startLine = line
        var quoted = false
        var fieldWasQuoted = false
        var sawAnything = false
        while let byte = try nextByte() {
            sawAnything = true
            if quoted {
                if byte == UInt8(ascii: "\"") {
                    if try peekByte() == UInt8(ascii: "\"") {
                        _ = try nextByte()
                        field.append(byte)
                    } else {
                        quoted = false
                    }
                } else {
                    if byte == 0x0A { line += 1 }
                    field.append(byte)
                }
            } else if byte == UInt8(ascii: ",") {
                fields.append(decodeText(field))
                field.removeAll(keepingCapacity: true)
                fieldWasQuoted = false
            } else if byte == 0x0A || byte == 0x0D {
                if byte == 0x0D, try peekByte() == 0x0A { _ = try nextByte() }
                line += 1
                if fields.isEmpty && field.isEmpty && !fieldWasQuoted {
                    sawAnything = false
                    startLine = line
                    continue  // a blank line is not a record
                }
                fields.append(decodeText(field))
                return Record(fields: fields, line: startLine)
            } else if byte == UInt8(ascii: "\"") && field.isEmpty && !fieldWasQuoted {
                quoted = true
                fieldWasQuoted = true
            } else if fieldWasQuoted {
                let column = fields.count + 1
                try skipRestOfLine()
                throw RecordError(line: startLine, message: "field \(column) has text after its closing quote")
            } else {
                field.append(byte)
            }
            recordBytes += 1
            if recordBytes > maxRecordBytes {
                if quoted {
                    throw RecordError(line: startLine, message: "the record is longer than --max-entry-bytes (\(maxRecordBytes)) bytes, or a quote is never closed", isFinal: true)
                }
                try skipRestOfLine()
                throw RecordError(line: startLine, message: "the record is longer than --max-entry-bytes (\(maxRecordBytes)) bytes; it was not read")
            }
        }
        if quoted {
            throw RecordError(line: startLine, message: "a quoted field is never closed", isFinal: true)
        }
        guard sawAnything else { return nil }
        fields.append(decodeText(field))
        return Record(fields: fields, line: startLine)
    }

    private func skipRestOfLine() throws(RecordError) {
        while let byte = try nextByte() {
            if byte == 0x0A {
                line += 1
                return
            }
        }
    }

    private func nextByte() throws(RecordError) -> UInt8? {
        guard try fillIfNeeded() else { return nil }
        defer { position += 1 }
        return buffer[position]
    }

    private func peekByte() throws(RecordError) -> UInt8? {
        guard try fillIfNeeded() else { return nil }
        return buffer[position]
    }

    private func fillIfNeeded() throws(RecordError) -> Bool {
        if position < count { return true }
        if atEnd { return false }
        while true {
            let read = buffer.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress, $0.count) }
            if read < 0 && errno == EINTR { continue }
            if read < 0 {
                throw RecordError(line: line, message: "cannot be read (\(String(cString: strerror(errno))))", isFinal: true)
            }
            position = 0
            count = read
            if read == 0 {
                atEnd = true
                return false
            }
            if isFirstRead {
                isFirstRead = false
                if count >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF { position = 3 }
                if position == count { continue }
            }
            return true
        }
    }
}
