import Foundation
import Testing

/// Replays the inputs that fuzzing found problems with (Tests/FuzzCrashes/TARGET, kept after the
/// fix), plus the fuzzing seeds, through the fuzz targets' own code (`shades-fuzz`).
@Suite struct FuzzRegressionTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let binary = ShadesProcess.binary.deletingLastPathComponent().appendingPathComponent("shades-fuzz")

    @Test(arguments: [
        ("analyzer", ["Examples/journal.txt"]), ("lexicon", ["Lexicons/core.shades"]), ("jsonl", ["Examples/entries.jsonl"]),
        ("breaks", ["Examples/journal.txt"]),
    ])
    func savedInputsRunClean(target: String, seeds: [String]) throws {
        let crashes = Self.root.appendingPathComponent("Tests/FuzzCrashes/\(target)")
        let saved = ((try? FileManager.default.contentsOfDirectory(atPath: crashes.path)) ?? [])
            .filter { !$0.hasPrefix(".") }.sorted().map { crashes.appendingPathComponent($0).path }
        let inputs = seeds.map { Self.root.appendingPathComponent($0).path } + saved
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = [target] + inputs
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(text.contains("\(inputs.count) inputs ran clean through \(target)"))
    }
}
