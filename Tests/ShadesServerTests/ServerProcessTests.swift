import Foundation
import Testing

/// The built `shades-server` binary: graceful shutdown and the OpenAPI document.
@Suite(.serialized) struct ServerProcessTests {
    static let folder = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()

    private func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [executable] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// Also shows that settings come from the environment (SHADES_PORT, SHADES_LOG_LEVEL).
    @Test func sigtermFinishesTheRequestInFlightAndExitsWithZero() async throws {
        let port = Int.random(in: 20_000..<40_000)
        let server = Process()
        server.executableURL = Self.folder.appendingPathComponent("shades-server")
        // A generous timeout: under the sanitizers the analysis is many times slower.
        server.arguments = ["--max-body-size", "8000000", "--request-timeout", "600"]
        server.environment = ProcessInfo.processInfo.environment.merging(
            ["SHADES_PORT": String(port), "SHADES_LOG_LEVEL": "error"]) { $1 }
        server.standardError = FileHandle.nullDevice
        try server.run()
        defer { if server.isRunning { server.terminate() } }
        var ready = false
        for _ in 0..<100 where !ready {
            try await Task.sleep(for: .milliseconds(100))
            ready = (try? run("curl", ["-sf", "http://127.0.0.1:\(port)/healthz"]).status) == 0
        }
        try #require(ready, "the server answers /healthz")

        // A long entry that takes a while to analyse, so the request is still in flight.
        let text = String(repeating: "I always ruin everything and nobody ever listens to me. ", count: 5_000)
        let body = FileManager.default.temporaryDirectory.appendingPathComponent("shades-shutdown-\(port).json")
        try JSONSerialization.data(withJSONObject: ["text": text]).write(to: body)
        defer { try? FileManager.default.removeItem(at: body) }
        let request = Process()
        request.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        request.arguments = ["curl", "-s", "-o", "/dev/null", "-w", "%{http_code}", "-H", "content-type: application/json",
                             "--data-binary", "@\(body.path)", "http://127.0.0.1:\(port)/v1/analyze"]
        let status = Pipe()
        request.standardOutput = status
        try request.run()
        try await Task.sleep(for: .milliseconds(400))
        kill(server.processIdentifier, SIGTERM)
        let code = String(decoding: status.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        request.waitUntilExit()
        server.waitUntilExit()
        #expect(code == "200", "the request in flight completes")
        #expect(server.terminationReason == .exit && server.terminationStatus == 0)
    }

    @Test func theOpenAPIDocumentIsValidAndListsExactlyTheRoutes() throws {
        let document = try String(contentsOf: OpenAPIDocument.url, encoding: .utf8)
        let paths = document.split(separator: "\n")
            .drop { $0 != "paths:" }.dropFirst()
            .prefix { $0.hasPrefix(" ") }
            .filter { $0.hasPrefix("  /") }
            .map { $0.trimmingCharacters(in: .whitespaces).dropLast() }
        let routes = ["/v1/analyze", "/v1/analyze/batch", "/v1/explain", "/v1/lexicon", "/healthz", "/readyz", "/metrics", "/openapi.yaml"]
        #expect(Set(paths.map(String.init)) == Set(routes))
        let validation = try run("python3", ["-m", "openapi_spec_validator", OpenAPIDocument.url.path])
        #expect(validation.status == 0, "openapi-spec-validator (pip install openapi-spec-validator): \(validation.output)")
    }
}
