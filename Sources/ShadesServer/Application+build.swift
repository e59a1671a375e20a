import Foundation
import HTTPTypes
public import Hummingbird
public import Logging
import NIOCore
import Shades

/// Builds the Shades HTTP service: the routes of `openapi.yaml`, request logging and metrics,
/// and JSON errors. Tests drive the returned application in memory; `shades-server` runs it.
/// - Throws: `LexiconError` when an extra lexicon file cannot be read or compiled.
public func buildApplication(
    configuration: ServerConfiguration, logger: Logger = Logger(label: "shades-server")
) throws -> some ApplicationProtocol {
    var lexicons = Lexicon.defaults
    for path in configuration.lexiconFiles { lexicons.append(try Lexicon(contentsOf: path)) }
    let analyzer = try Analyzer(lexicons: lexicons)
    let metrics = ServerMetrics()
    let controller = AnalysisController(analyzer: analyzer, configuration: configuration, metrics: metrics)
    let router = Router(context: BasicRequestContext.self)
    let methodsByPath: [String: [HTTPRequest.Method]] = [
        "/v1/analyze": [.post], "/v1/analyze/batch": [.post], "/v1/explain": [.post], "/v1/lexicon": [.get],
        "/healthz": [.get], "/readyz": [.get], "/metrics": [.get], "/openapi.yaml": [.get],
    ]
    router.add(middleware: RequestLogMiddleware(metrics: metrics, methodsByPath: methodsByPath))
    router.post("/v1/analyze") { request, context in try await controller.analyze(request, context: context) }
    router.post("/v1/analyze/batch") { request, context in try await controller.analyzeBatch(request, context: context) }
    router.post("/v1/explain") { request, context in try await controller.explain(request, context: context) }
    let lexicon = try LexiconDescription(rules: analyzer.rules).json()
    router.get("/v1/lexicon") { _, _ in jsonResponse(lexicon) }
    router.get("/healthz") { _, _ in jsonResponse(Array(#"{"status":"ok"}"#.utf8)) }
    // The analyzer is built before the server starts listening, so once it answers it is ready.
    router.get("/readyz") { _, _ in jsonResponse(Array(#"{"status":"ready"}"#.utf8)) }
    router.get("/metrics") { _, _ in
        Response(
            status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(bytes: metrics.exposition())))
    }
    let document = Array((EmbeddedOpenAPI.files.first?.text ?? "").utf8)
    router.get("/openapi.yaml") { _, _ in
        Response(
            status: .ok, headers: [.contentType: "application/yaml; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(bytes: document)))
    }
    return Application(
        router: router,
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "shades"),
        logger: logger)
}

private func jsonResponse(_ bytes: [UInt8]) -> Response {
    Response(
        status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
        body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
}

/// `GET /v1/lexicon`: the categories and the rules loaded.
private struct LexiconDescription: Encodable {
    struct RuleDescription: Encodable {
        let id: String
        let category: Category
        let message: String
        let suggestions: [String]
        let source: String
    }

    let categories = Category.allCases
    let rules: [RuleDescription]

    init(rules: [Rule]) {
        self.rules = rules.map {
            RuleDescription(id: $0.id, category: $0.category, message: $0.message, suggestions: $0.suggestions, source: $0.source)
        }
    }

    func json() throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(self))
    }
}
