import Foundation

/// Reads records from a file descriptor in constant memory: lines (CR of CRLF removed, a
/// missing final newline tolerated) or blank-line-separated paragraphs. A record longer than
/// `maxRecordBytes` is either split at the last white space before the limit (or a character
/// boundary), its parts marked `isContinued`, or (for JSON Lines, where a part is no use)
/// skipped to its end and returned empty with `isOverlong` set.
package final class RecordReader {
    package enum Mode { case lines, paragraphs }

    /// What happens to a record longer than `maxRecordBytes`.
    package enum OverlongRecords { case split, skip }

    package struct Record {
        package var bytes: [UInt8]
        /// Line number (1-based) where the record starts in its input.
        package var line: Int
        /// This part continues the previous record, which was cut at `maxRecordBytes`.
        package var isContinued: Bool
        /// The record was longer than `maxRecordBytes` and skipped (`bytes` is empty).
        package var isOverlong = false

        package init(bytes: [UInt8], line: Int, isContinued: Bool, isOverlong: Bool = false) {
            self.bytes = bytes
            self.line = line
            self.isContinued = isContinued
            self.isOverlong = isOverlong
        }
    }

    package struct ReadError: Error { package let message: String }

    private let descriptor: Int32
    private let mode: Mode
    private let maxRecordBytes: Int
    private let overlong: OverlongRecords
    /// A line read past the end of a paragraph that had to be cut; it starts the next part.
    private var pendingLine: Record?
    private var buffer: [UInt8] = []
    private var start = 0
    private var scanned = 0
    private var atEnd = false
    private var line = 1
    private var continuing = false

    package init(descriptor: Int32, mode: Mode, maxRecordBytes: Int, overlong: OverlongRecords) {
        self.descriptor = descriptor
        self.mode = mode
        self.maxRecordBytes = maxRecordBytes
        self.overlong = overlong
    }

    /// The next record, or nil at the end of the input. `onSplit` is told about records cut at
    /// the size limit.
    package func next(onSplit: (_ line: Int) -> Void) throws(ReadError) -> Record? {
        switch mode {
        case .lines: return try nextLine(onSplit: onSplit)
        case .paragraphs: return try nextParagraph(onSplit: onSplit)
        }
    }

    private func nextParagraph(onSplit: (_ line: Int) -> Void) throws(ReadError) -> Record? {
        var paragraph = pendingLine
        pendingLine = nil
        while let record = try nextLine(onSplit: onSplit) {
            let blank = record.bytes.allSatisfy { $0 == 0x20 || $0 == 0x09 }
            if blank {
                if paragraph != nil { return paragraph }
                continue
            }
            guard var current = paragraph else {
                paragraph = record
                continue
            }
            if current.bytes.count + 1 + record.bytes.count > maxRecordBytes {
                // Cut the paragraph between lines; the rest continues as the next part.
                onSplit(current.line)
                var next = record
                next.isContinued = true
                pendingLine = next
                return current
            }
            current.bytes.append(0x0A)
            current.bytes += record.bytes
            paragraph = current
        }
        return paragraph
    }

    private func nextLine(onSplit: (_ line: Int) -> Void) throws(ReadError) -> Record? {
        while true {
            if let newline = buffer[scanned...].firstIndex(of: 0x0A) {
                if newline - start > maxRecordBytes {
                    if overlong == .skip { return try skipToEndOfLine() }
                    return split(onSplit: onSplit)
                }
                var end = newline
                if end > start && buffer[end - 1] == 0x0D { end -= 1 }
                let record = Record(bytes: Array(buffer[start..<end]), line: line, isContinued: continuing)
                continuing = false
                line += 1
                start = newline + 1
                scanned = start
                return record
            }
            scanned = buffer.count
            if buffer.count - start > maxRecordBytes {
                if overlong == .skip { return try skipToEndOfLine() }
                return split(onSplit: onSplit)
            }
            if atEnd {
                guard start < buffer.count else { return nil }
                var end = buffer.count
                if buffer[end - 1] == 0x0D { end -= 1 }
                let record = Record(bytes: Array(buffer[start..<end]), line: line, isContinued: continuing)
                continuing = false
                start = buffer.count
                return record
            }
            try fill()
        }
    }

    /// Discards the current over-long line up to and including its newline, reading on in
    /// chunks, and returns it as an empty record marked `isOverlong`.
    private func skipToEndOfLine() throws(ReadError) -> Record {
        let record = Record(bytes: [], line: line, isContinued: false, isOverlong: true)
        line += 1
        while true {
            if let newline = buffer[start...].firstIndex(of: 0x0A) {
                start = newline + 1
                scanned = start
                return record
            }
            buffer.removeAll(keepingCapacity: true)
            start = 0
            scanned = 0
            if atEnd { return record }
            try fill()
        }
    }

    /// Cuts the first `maxRecordBytes` of an over-long line at a word boundary.
    private func split(onSplit: (_ line: Int) -> Void) -> Record {
        let limit = start + maxRecordBytes
        var cut = limit
        while cut > start + maxRecordBytes / 2, buffer[cut - 1] > 0x20 { cut -= 1 }
        if buffer[cut - 1] > 0x20 {
            cut = limit
            while cut > start + 1, buffer[cut] & 0xC0 == 0x80 { cut -= 1 }
        }
        onSplit(line)
        let record = Record(bytes: Array(buffer[start..<cut]), line: line, isContinued: continuing)
        continuing = true
        start = cut
        scanned = cut
        return record
    }

    private func fill() throws(ReadError) {
        if start > 0 && start >= buffer.count / 2 {
            buffer.removeSubrange(0..<start)
            scanned -= start
            start = 0
        }
        let chunk = 1 << 16
        let oldCount = buffer.count
        buffer.append(contentsOf: repeatElement(0, count: chunk))
        while true {
            let count = buffer[oldCount...].withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress, chunk) }
            if count < 0 && errno == EINTR { continue }
            if count < 0 {
                buffer.removeSubrange(oldCount...)
                throw ReadError(message: String(cString: strerror(errno)))
            }
            buffer.removeSubrange((oldCount + count)...)
            if count == 0 { atEnd = true }
            return
        }
    }
}
