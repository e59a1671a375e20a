import ArgumentParser
import Foundation
import Hummingbird
import Logging
import Shades
import ShadesServer
import UnixSignals

/// `shades-server`: the classifier as an HTTP/JSON service. Every option can also be set
/// with an environment variable (`SHADES_HOST`, `SHADES_PORT`, …); flags win.
@main
struct ShadesServerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "shades-server",
        abstract: "Serve the Shades classifier over HTTP/JSON (loopback only unless --host says otherwise).",
        discussion: """
        Environment variables: SHADES_HOST, SHADES_PORT, SHADES_MAX_BODY_SIZE, SHADES_BATCH_LIMIT, \
        SHADES_REQUEST_TIMEOUT (seconds), SHADES_LEXICONS (paths separated by ':'), SHADES_LOG_LEVEL. \
        SIGTERM or SIGINT finish the requests in flight and then exit with status 0.
        """
    )

    @Option(help: "Address to bind (default 127.0.0.1, or SHADES_HOST).")
    var host: String?

    @Option(help: "Port to listen on (default 8080, or SHADES_PORT).")
    var port: Int?

    @Option(help: ArgumentHelp("Largest request body in bytes (default 1048576, or SHADES_MAX_BODY_SIZE).", valueName: "BYTES"))
    var maxBodySize: Int?

    @Option(help: "Most items in one batch request (default 1000, or SHADES_BATCH_LIMIT).")
    var batchLimit: Int?

    @Option(help: ArgumentHelp("Longest an analysis may take, in seconds (default 30, or SHADES_REQUEST_TIMEOUT).", valueName: "SECONDS"))
    var requestTimeout: Double?

    @Option(name: .customLong("lexicon"), help: ArgumentHelp("Add a lexicon file (repeatable; or SHADES_LEXICONS).", valueName: "FILE"))
    var lexicons: [String] = []

    @Option(help: ArgumentHelp("trace, debug, info, notice, warning, error or critical (default info, or SHADES_LOG_LEVEL).", valueName: "LEVEL"))
    var logLevel: String?

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let configuration = try ServerConfiguration(
            host: host ?? environment["SHADES_HOST"] ?? "127.0.0.1",
            port: port ?? Self.number(environment, "SHADES_PORT") ?? 8080,
            maxBodySize: maxBodySize ?? Self.number(environment, "SHADES_MAX_BODY_SIZE") ?? 1 << 20,
            batchLimit: batchLimit ?? Self.number(environment, "SHADES_BATCH_LIMIT") ?? 1000,
            requestTimeout: .milliseconds(Int((requestTimeout ?? Self.number(environment, "SHADES_REQUEST_TIMEOUT") ?? 30) * 1000)),
            lexiconFiles: lexicons.isEmpty ? (environment["SHADES_LEXICONS"]?.split(separator: ":").map(String.init) ?? []) : lexicons)
        var logger = Logger(label: "shades-server")
        let level = logLevel ?? environment["SHADES_LOG_LEVEL"] ?? "info"
        guard let parsedLevel = Logger.Level(rawValue: level) else {
            throw ValidationError("unknown log level '\(level)' (trace, debug, info, notice, warning, error, critical)")
        }
        logger.logLevel = parsedLevel
        do {
            try await Self.serve(buildApplication(configuration: configuration, logger: logger))
        } catch let error as LexiconError {
            FileHandle.standardError.write(Data("shades-server: \(error)\n".utf8))
            throw ExitCode(2)
        }
    }

    private static func serve(_ app: some ApplicationProtocol) async throws {
        try await app.runService(gracefulShutdownSignals: [.sigterm, .sigint])
    }

    private static func number<Value: LosslessStringConvertible>(_ environment: [String: String], _ name: String) throws -> Value? {
        guard let text = environment[name] else { return nil }
        guard let value = Value(text) else { throw ValidationError("\(name) must be a number, not '\(text)'") }
        return value
    }
}
