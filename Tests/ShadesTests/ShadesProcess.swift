import Foundation

/// Runs the built `shades` binary (it sits beside the test bundle) with files for its
/// standard streams, so large inputs and outputs cannot deadlock a pipe.
struct ShadesProcess {
    struct Result {
        let status: Int32
        let output: Data
        let errors: String
        var outputText: String { String(decoding: output, as: UTF8.self) }
        var outputLines: [Substring] { outputText.split(separator: "\n", omittingEmptySubsequences: false).dropLast() }
    }

    static let binary = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        .deletingLastPathComponent().appendingPathComponent("shades")

    static func run(
        _ arguments: [String], input: Data = Data(), environment: [String: String] = [:], directory: String? = nil
    ) throws -> Result {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("shades-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let inputURL = folder.appendingPathComponent("stdin")
        let outputURL = folder.appendingPathComponent("stdout")
        let errorURL = folder.appendingPathComponent("stderr")
        try input.write(to: inputURL)
        _ = FileManager.default.createFile(atPath: outputURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errorURL.path, contents: nil)
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.standardInput = try FileHandle(forReadingFrom: inputURL)
        process.standardOutput = try FileHandle(forWritingTo: outputURL)
        process.standardError = try FileHandle(forWritingTo: errorURL)
        try process.run()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, output: try Data(contentsOf: outputURL),
            errors: String(decoding: try Data(contentsOf: errorURL), as: UTF8.self))
    }

    /// Writes `contents` to a temporary file and returns its path (removed at exit of the test process).
    static func temporaryFile(_ contents: String, name: String = "input.txt") throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("shades-file-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent(name)
        try Data(contents.utf8).write(to: url)
        return url.path
    }
}
