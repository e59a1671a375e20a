import Foundation

/// Finds the files to read under the paths given on the command line: files as named (`-`
/// for standard input),
/// folders recursively in name order, skipping hidden files and folders (`.git`, `.obsidian`)
/// and files whose extension is not an export format (they are counted, and named in a note).
struct ExportDiscovery {
    let format: ExportFormat
    private(set) var files: [ExportFile] = []
    /// Paths that could not be opened, with the reason.
    private(set) var failures: [EntryFailure] = []
    /// Files inside folders that were left alone because no export format reads them.
    private(set) var ignored: [String] = []

    init(paths: [String], format: ExportFormat) {
        self.format = format
        for path in paths { add(path, named: true) }
    }

    private mutating func add(_ path: String, named: Bool) {
        if path == "-" {
            // Standard input: JSON Lines unless --input-format says otherwise.
            files.append(ExportFile(path: path, format: format == .auto ? .jsonl : format, size: 0, modificationDate: nil))
            return
        }
        var status = stat()
        guard stat(path, &status) == 0 else {
            failures.append(EntryFailure(source: path, location: nil, id: nil, message: "cannot be read (\(String(cString: strerror(errno))))"))
            return
        }
        if status.st_mode & S_IFMT == S_IFDIR {
            let children: [String]
            do {
                children = try FileManager.default.contentsOfDirectory(atPath: path).sorted()
            } catch {
                failures.append(EntryFailure(source: path, location: nil, id: nil, message: "the folder cannot be listed (\(error.localizedDescription))"))
                return
            }
            for child in children where !child.hasPrefix(".") {
                add(path.hasSuffix("/") ? path + child : path + "/" + child, named: false)
            }
            return
        }
        let modified = Date(timeIntervalSince1970: TimeInterval(status.st_mtim.tv_sec))
        let size = Int(status.st_size)
        if format != .auto {
            files.append(ExportFile(path: path, format: format, size: size, modificationDate: modified))
        } else if let known = ExportFormat.forExtension((path as NSString).pathExtension) {
            files.append(ExportFile(path: path, format: known, size: size, modificationDate: modified))
        } else if named {
            files.append(ExportFile(path: path, format: ExportFormat.sniff(Self.prefix(of: path)), size: size, modificationDate: modified))
        } else {
            ignored.append(path)
        }
    }

    private static func prefix(of path: String) -> [UInt8] {
        guard let handle = FileHandle(forReadingAtPath: path) else { return [] }
        defer { try? handle.close() }
        return Array((try? handle.read(upToCount: 4096)) ?? Data())
    }
}
