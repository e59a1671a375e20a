import PackagePlugin

/// Embeds the package's `openapi.yaml` into the target it is applied to, as
/// `EmbeddedOpenAPI.files`, so `shades-server` can serve it.
@main
struct EmbedOpenAPI: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: any Target) throws -> [Command] {
        let document = context.package.directoryURL.appending(path: "openapi.yaml")
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedOpenAPI.swift")
        return [
            .buildCommand(
                displayName: "Embedding openapi.yaml",
                executable: try context.tool(named: "ResourceEmbedder").url,
                arguments: [output.path(), "EmbeddedOpenAPI", document.path()],
                inputFiles: [document],
                outputFiles: [output]
            ),
        ]
    }
}
