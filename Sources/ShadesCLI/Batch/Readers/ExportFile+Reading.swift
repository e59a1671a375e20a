import Foundation

extension ExportFile {
    /// Runs `body` with a descriptor open on the file (standard input for `-`), or hands on
    /// a failure naming the file when it cannot be opened.
    func withDescriptor(emit: (EntryRead) throws -> Void, _ body: (Int32) throws -> Void) throws {
        switch open() {
        case .failure(let failure): try emit(.failure(failure))
        case .success(let descriptor):
            defer { close(descriptor) }
            try body(descriptor)
        }
    }

    private func open() -> Result<Int32, EntryFailure> {
        let descriptor = path == "-" ? STDIN_FILENO : Foundation.open(path, O_RDONLY)
        return descriptor >= 0 ? .success(descriptor) : .failure(readFailure())
    }

    private func close(_ descriptor: Int32) {
        if descriptor != STDIN_FILENO { Foundation.close(descriptor) }
    }

    /// The failure for an error of the last system call on the file.
    private func readFailure() -> EntryFailure {
        EntryFailure(source: path, location: nil, id: nil, message: "cannot be read (\(String(cString: strerror(errno))))")
    }

    /// The whole file, or a failure naming it when it cannot be read or is too large.
    func contents(limit: Int) -> Result<[UInt8], EntryFailure> {
        guard size <= limit else {
            return .failure(EntryFailure(
                source: path, location: nil, id: nil,
                message: "the file is \(size) bytes, more than --max-entry-bytes (\(limit)); it was not read"))
        }
        let descriptor: Int32
        switch open() {
        case .failure(let failure): return .failure(failure)
        case .success(let opened): descriptor = opened
        }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                return .failure(readFailure())
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
