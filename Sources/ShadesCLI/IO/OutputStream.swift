import Foundation

/// Buffered writes to a file descriptor. A closed pipe ends the process quietly (SIGPIPE is
/// left at its default, as grep does); any other write error is reported and exits with 2.
final class OutputStream {
    private let descriptor: Int32
    /// Whether each record is written as soon as it is ready.
    let isLineBuffered: Bool
    private var buffer: [UInt8] = []

    init(descriptor: Int32 = STDOUT_FILENO, lineBuffered: Bool) {
        self.descriptor = descriptor
        self.isLineBuffered = lineBuffered
        buffer.reserveCapacity(1 << 16)
    }

    func write(_ bytes: some Collection<UInt8>) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 16 { flush() }
    }

    func write(_ text: String) { write(text.utf8) }

    /// Called after each record; flushes it when line buffering was asked for.
    func endRecord() {
        if isLineBuffered { flush() }
    }

    func flush() {
        var offset = 0
        while offset < buffer.count {
            let written = buffer[offset...].withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                if errno == EPIPE { exit(2) }
                Diagnostics.error("cannot write to standard output: \(String(cString: strerror(errno)))")
                exit(2)
            }
            offset += written
        }
        buffer.removeAll(keepingCapacity: true)
    }
}
