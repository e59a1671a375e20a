import ArgumentParser
import Shades

/// Options that choose the lexicons and rules, shared by every subcommand that analyses.
struct AnalyzerOptions: ParsableArguments {
    @Option(name: .customLong("lexicon"), help: ArgumentHelp("Add the rules of a lexicon file (repeatable).", valueName: "FILE"))
    var lexicons: [String] = []

    @Option(name: .customLong("disable"), help: ArgumentHelp("Switch a rule off by its id (repeatable).", valueName: "RULE-ID"))
    var disabledRules: [String] = []

    /// Builds the analyzer, or prints the lexicon error and exits with status 2.
    func makeAnalyzer() throws -> Analyzer {
        do {
            var lexicons = Lexicon.defaults
            for path in self.lexicons { lexicons.append(try Lexicon(contentsOf: path)) }
            return try Analyzer(lexicons: lexicons, configuration: .init(disabledRules: Set(disabledRules)))
        } catch {
            Diagnostics.error("\(error)")
            throw ExitCode(2)
        }
    }
}
