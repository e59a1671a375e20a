import Foundation

/// How entries are found inside JSON Lines and CSV exports, and how large one may be.
struct ReadOptions {
    /// The member or column holding the text.
    var textField = "text"
    /// The member or column holding the date; a missing member leaves the entry undated.
    var dateField = "date"
    /// The member or column holding the id; without one the id is the file and line.
    var idField = "id"
    /// Entries (and whole-file exports) larger than this are reported as failures, which
    /// keeps memory bounded.
    var maxEntryBytes = 16 << 20
}

/// Reads one export file and hands on its entries and failures in order.
protocol EntryReader {
    /// Calls `emit` for each entry or failure in the file; an error thrown by `emit` stops
    /// the reading and is rethrown.
    func read(_ file: ExportFile, emit: (EntryRead) throws -> Void) throws
}

extension ExportFile {
    /// A descriptor to read the file from (standard input for `-`), or -1 with `errno` set;
    /// close it with `close(_:)`.
    func openForReading() -> Int32 {
        path == "-" ? STDIN_FILENO : open(path, O_RDONLY)
    }

    /// Closes a descriptor from `openForReading()`.
    func close(_ descriptor: Int32) {
        if descriptor != STDIN_FILENO { Glibc.close(descriptor) }
    }

    /// The whole file, or a failure naming it when it cannot be read or is too large.
    func contents(limit: Int) -> Result<[UInt8], EntryFailure> {
        guard size <= limit else {
            return .failure(EntryFailure(
                source: path, location: nil, id: nil,
                message: "the file is \(size) bytes, more than --max-entry-bytes (\(limit)); it was not read"))
        }
        let descriptor = openForReading()
        guard descriptor >= 0 else {
            return .failure(EntryFailure(source: path, location: nil, id: nil, message: "cannot be read (\(String(cString: strerror(errno))))"))
        }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                return .failure(EntryFailure(source: path, location: nil, id: nil, message: "cannot be read (\(String(cString: strerror(errno))))"))
            }
            if count == 0 { return .success(bytes) }
            bytes.append(contentsOf: chunk[0..<count])
            guard bytes.count <= limit else {
                return .failure(EntryFailure(
                    source: path, location: nil, id: nil,
                    message: "the input is larger than --max-entry-bytes (\(limit)); it was not read"))
            }
        }
    }
}

/// Text without a UTF-8 byte order mark, decoded (invalid bytes become U+FFFD).
func decodeText(_ bytes: some Collection<UInt8>) -> String {
    let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes.index(bytes.startIndex, offsetBy: 3) : bytes.startIndex
    return String(decoding: bytes[start...], as: UTF8.self)
}
