#if canImport(Glibc)
import Glibc
private let systemRead = Glibc.read
#elseif canImport(Darwin)
import Darwin
private let systemRead = Darwin.read
#endif

/// Reads whole files with POSIX calls, so errors can name the reason ("No such file or directory").
enum FileContents {
    static func read(_ path: String) throws(LexiconError) -> [UInt8] {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw failure(path) }
        defer { close(descriptor) }
        var contents: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = chunk.withUnsafeMutableBytes { systemRead(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw failure(path)
            }
            if count == 0 { return contents }
            contents += chunk[0..<count]
        }
    }

    private static func failure(_ path: String) -> LexiconError {
        LexiconError(file: path, line: 0, message: "cannot be read (\(String(cString: strerror(errno))))")
    }
}
