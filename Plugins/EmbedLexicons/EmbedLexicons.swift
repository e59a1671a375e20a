import Foundation
import PackagePlugin

/// Embeds every `Lexicons/*.shades` file of the package into the target it is applied to, as
/// `EmbeddedLexicons.files`.
@main
struct EmbedLexicons: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: any Target) throws -> [Command] {
        let folder = context.package.directoryURL.appending(path: "Lexicons")
        let lexicons = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "shades" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedLexicons.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(lexicons.count) lexicons",
                executable: try context.tool(named: "ResourceEmbedder").url,
                arguments: [output.path(), "EmbeddedLexicons"] + lexicons.map { $0.path() },
                inputFiles: lexicons,
                outputFiles: [output]
            ),
        ]
    }
}
