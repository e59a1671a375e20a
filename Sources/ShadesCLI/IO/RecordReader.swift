import Foundation

/// Reads records from a file descriptor in constant memory: lines (CR of CRLF removed, a
/// missing final newline tolerated) or blank-line-separated paragraphs. A record longer than
/// `maxRecordBytes` is split at the last white space before the limit (or a character
/// boundary) and the rest becomes the next record, so nothing is dropped.
final class RecordReader {
    enum Mode { case lines, paragraphs }

    struct Record {
        var bytes: [UInt8]
        /// Line number (1-based) where the record starts in its input.
        var line: Int
        /// The record was cut from a longer one at `maxRecordBytes`.
        var isContinued: Bool
    }

    struct ReadError: Error { let message: String }

    private let descriptor: Int32
    private let mode: Mode
    private let maxRecordBytes: Int
    private var buffer: [UInt8] = []
    private var start = 0
    private var scanned = 0
    private var atEnd = false
    private var line = 1
    private var continuing = false

    init(descriptor: Int32, mode: Mode, maxRecordBytes: Int) {
        self.descriptor = descriptor
        self.mode = mode
        self.maxRecordBytes = maxRecordBytes
    }

    /// The next record, or nil at the end of the input. `onSplit` is told about records cut at
    /// the size limit.
    func next(onSplit: (_ line: Int) -> Void) throws(ReadError) -> Record? {
        switch mode {
        case .lines: return try nextLine(onSplit: onSplit)
        case .paragraphs: return try nextParagraph(onSplit: onSplit)
        }
    }

    private func nextParagraph(onSplit: (_ line: Int) -> Void) throws(ReadError) -> Record? {
        var paragraph: Record?
        while let record = try nextLine(onSplit: onSplit) {
            let blank = record.bytes.allSatisfy { $0 == 0x20 || $0 == 0x09 }
            if blank {
                if paragraph != nil { return paragraph }
                continue
            }
            if var current = paragraph {
                current.bytes.append(0x0A)
                current.bytes += record.bytes
                if current.bytes.count > maxRecordBytes {
                    onSplit(current.line)
                    return current
                }
                paragraph = current
            } else {
                paragraph = record
            }
        }
        return paragraph
    }

    private func nextLine(onSplit: (_ line: Int) -> Void) throws(ReadError) -> Record? {
        while true {
            if let newline = buffer[scanned...].firstIndex(of: 0x0A) {
                if newline - start > maxRecordBytes { return split(onSplit: onSplit) }
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
