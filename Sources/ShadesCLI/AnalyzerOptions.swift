import ArgumentParser
import Foundation
import Shades

/// Options that choose the lexicons and rules, shared by every subcommand that analyses.
/// They add to (or, for single values, override) the config file's settings.
struct AnalyzerOptions: ParsableArguments {
    @Option(name: .customLong("lexicon"), help: ArgumentHelp("Add the rules of a lexicon file (repeatable).", valueName: "FILE"))
    var lexicons: [String] = []

    @Option(name: .customLong("disable"), help: ArgumentHelp("Switch a rule off by its id (repeatable).", valueName: "RULE-ID"))
    var disabledRules: [String] = []

    @Option(name: .customLong("allow"), help: ArgumentHelp("Never flag this phrase, e.g. \"always on call\" (repeatable).", valueName: "PHRASE"))
    var allowedPhrases: [String] = []

    @Option(help: ArgumentHelp("Leave out findings below this severity (0 to 1).", valueName: "N"))
    var minSeverity: Double?

    @Flag(inversion: .prefixedNo, help: "Report phrases of hopelessness or self-harm as 'safety' findings.")
    var safety: Bool?

    @Option(help: ArgumentHelp("Read settings from this file instead of the nearest .shades.toml.", valueName: "FILE"))
    var config: String?

    @Flag(help: "Ignore config files.")
    var noConfig = false

    func validate() throws {
        if let minSeverity, !(0...1).contains(minSeverity) {
            throw ValidationError("--min-severity takes a number from 0 to 1")
        }
    }

    /// The config file in effect, if any.
    func loadConfig() throws -> ConfigFile? {
        if noConfig { return nil }
        let environment = ProcessInfo.processInfo.environment
        guard let path = config ?? ConfigFile.locate(from: FileManager.default.currentDirectoryPath, environment: environment) else {
            return nil
        }
        do {
            return try ConfigFile.load(path)
        } catch {
            Diagnostics.error("\(error)")
            throw ExitCode(2)
        }
    }

    /// Builds the analyzer, or prints the lexicon or config error and exits with status 2.
    func makeAnalyzer() throws -> Analyzer {
        let config = try loadConfig()
        do {
            var lexicons = Lexicon.defaults
            for path in (config?.lexicons ?? []) + self.lexicons { lexicons.append(try Lexicon(contentsOf: path)) }
            return try Analyzer(lexicons: lexicons, configuration: .init(
                disabledRules: Set((config?.disable ?? []) + disabledRules),
                allowedPhrases: (config?.allow ?? []) + allowedPhrases,
                minimumSeverity: minSeverity ?? config?.minimumSeverity ?? 0,
                reportsSafety: safety ?? config?.safety ?? true))
        } catch {
            Diagnostics.error("\(error)")
            throw ExitCode(2)
        }
    }
}
