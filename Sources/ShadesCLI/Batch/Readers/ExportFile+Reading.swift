import Foundation

extension ExportFile {
    /// A descriptor to read the file from (standard input for `-`), or -1 with `errno` set;
    /// close it with `close(_:)`.
    func openForReading() -> Int32 {
        path == "-" ? STDIN_FILENO : open(path, O_RDONLY)
    }

    /// Closes a descriptor from `openForReading()`.
    func close(_ descriptor: Int32) {
        if descriptor != STDIN_FILENO { Foundation.close(descriptor) }
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
            let count = chunk.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress, $0.count) }
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
