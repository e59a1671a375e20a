import ArgumentParser
import Foundation

/// `shades`: finds all-or-nothing language in text.
@main
struct Shades: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "shades",
        abstract: "Find all-or-nothing language (always, never, should, I'm a failure) in text, gently.",
        discussion: """
        Reads FILEs (or standard input) record by record and shows the phrasing it finds, with a \
        kinder way to say it. Exit status: 0 when something was flagged, 1 when nothing was, 2 on \
        an error.
        """,
        subcommands: [Filter.self, Analyze.self, Explain.self, Evaluate.self],
        defaultSubcommand: Filter.self
    )

    /// Runs the command line with grep's exit statuses: usage errors are 2, not 64.
    static func main() {
        signal(SIGPIPE, SIG_DFL)
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let exit as ExitCode {
            Foundation.exit(exit.rawValue)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
            Foundation.exit(2)
        }
    }
}
