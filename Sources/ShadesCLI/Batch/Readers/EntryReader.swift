/// Reads one export file and hands on its entries and failures in order.
protocol EntryReader {
    /// Calls `emit` for each entry or failure in the file; an error thrown by `emit` stops
    /// the reading and is rethrown.
    func read(_ file: ExportFile, emit: (EntryRead) throws -> Void) throws
}

/// Text without a UTF-8 byte order mark, decoded (invalid bytes become U+FFFD).
func decodeText(_ bytes: some Collection<UInt8>) -> String {
    let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes.index(bytes.startIndex, offsetBy: 3) : bytes.startIndex
    return String(decoding: bytes[start...], as: UTF8.self)
}
