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
    /// Folders reached a second time through a symbolic link (not read again).
    private(set) var repeatedFolders: [String] = []
    /// The output file, when it is among the inputs (the run must not go on).
    private(set) var outputAmongInputs: String?

    private let output: FileIdentity?
    private var visitedFolders: Set<FileIdentity> = []

    /// - Parameter output: the file the rows are written to, which must not be an input.
    init(paths: [String], format: ExportFormat, output: String? = nil) {
        self.format = format
        self.output = output.flatMap(FileIdentity.init(path:))
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
        let identity = FileIdentity(status)
        if status.st_mode & S_IFMT == S_IFDIR {
            guard visitedFolders.insert(identity).inserted else {
                repeatedFolders.append(path)
                return
            }
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
        #if os(Linux)
        let modified = Date(timeIntervalSince1970: TimeInterval(status.st_mtim.tv_sec))
        #else
        let modified = Date(timeIntervalSince1970: TimeInterval(status.st_mtimespec.tv_sec))
        #endif
        let size = Int(status.st_size)
        if identity == output {
            outputAmongInputs = path
            return
        }
        if format != .auto {
            files.append(ExportFile(path: path, format: format, size: size, modificationDate: modified, isNamed: named))
        } else if let known = ExportFormat.forExtension((path as NSString).pathExtension) {
            files.append(ExportFile(path: path, format: known, size: size, modificationDate: modified, isNamed: named))
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

/// A file's device and inode: the same file whatever path reaches it.
struct FileIdentity: Hashable {
    let device: UInt64
    let inode: UInt64

    init(_ status: stat) {
        device = UInt64(status.st_dev)
        inode = UInt64(status.st_ino)
    }

    init?(path: String) {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        self.init(status)
    }
}
