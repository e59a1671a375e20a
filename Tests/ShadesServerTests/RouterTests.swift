import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Shades
import ShadesServer
import Testing

/// Every endpoint and every bad input, in memory.
@Suite struct RouterTests {
    private func app(_ configuration: ServerConfiguration = .init(port: 0)) throws -> some ApplicationProtocol {
        try buildApplication(configuration: configuration)
    }

    private func json(_ buffer: ByteBuffer) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(buffer.readableBytesView)) as? [String: Any])
    }

    private let jsonHeaders: HTTPFields = [.contentType: "application/json"]

    @Test func analyzeReturnsTheFilterRecord() async throws {
        try await app().test(.router) { client in
            try await client.execute(
                uri: "/v1/analyze", method: .post, headers: jsonHeaders,
                body: ByteBuffer(string: #"{"text": "I always ruin everything."}"#)
            ) { response in
                #expect(response.status == .ok)
                let record = try json(response.body)
                #expect(Set(record.keys) == ["id", "text", "findings", "stats"])
                let findings = try #require(record["findings"] as? [[String: Any]])
                #expect(findings.contains { $0["category"] as? String == "overgeneralization" && $0["match"] as? String == "always" })
            }
        }
    }

    @Test func explainReturnsTheFindingsAndWhatWasSetAside() async throws {
        let text = "I always ruin everything."
        try await app().test(.router) { client in
            try await client.execute(
                uri: "/v1/explain", method: .post, headers: jsonHeaders,
                body: ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: ["text": text]))
            ) { response in
                #expect(response.status == .ok)
                let explanation = try json(response.body)
                #expect(Set(explanation.keys) == ["text", "findings", "stats", "setAside"])
                let findings = try #require(explanation["findings"] as? [[String: Any]])
                #expect(findings.count == (try Analyzer().analyze(text).findings.count))
                let setAside = try #require(explanation["setAside"] as? [[String: Any]])
                #expect(setAside.count == (try Analyzer().explain(text).setAside.count))
                #expect(!setAside.isEmpty && setAside.allSatisfy {
                    $0["pattern"] is String && ($0["reason"] as? [String: Any])?["kind"] is String && $0["explanation"] is String
                })
            }
            try await client.execute(uri: "/v1/explain", method: .post, headers: jsonHeaders, body: ByteBuffer(string: #"{"txt": "x"}"#)) { response in
                #expect(response.status == .badRequest)
            }
        }
    }

    @Test func theAnalysisEqualsTheLibrarysForTheSameText() async throws {
        let text = "😀 Nobody ever listens. I should have known better, I'm such an idiot."
        let analysis = try Analyzer().analyze(text)
        var writer = JSONWriter()
        analysis.writeJSONRecord(to: &writer, id: { $0.number(7) }, text: text)
        let expected = try JSONSerialization.jsonObject(with: Data(writer.bytes)) as? NSDictionary
        let body = try JSONSerialization.data(withJSONObject: ["id": 7, "text": text])
        let served = try await app().test(.router) { client in
            try await client.execute(uri: "/v1/analyze", method: .post, headers: jsonHeaders, body: ByteBuffer(bytes: body)) { response in
                Data(response.body.readableBytesView)
            }
        }
        let actual = try JSONSerialization.jsonObject(with: served) as? NSDictionary
        #expect(actual == expected)
    }

    @Test func optionsFilterCategoriesSeverityAndRules() async throws {
        let body = #"{"text": "I always ruin everything and I should stop.", "options": {"categories": ["should"], "minSeverity": 0.1}}"#
        try await app().test(.router) { client in
            try await client.execute(uri: "/v1/analyze", method: .post, headers: jsonHeaders, body: ByteBuffer(string: body)) { response in
                let findings = try #require(try json(response.body)["findings"] as? [[String: Any]])
                #expect(!findings.isEmpty && findings.allSatisfy { $0["category"] as? String == "should" })
            }
            let unknown = #"{"text": "x", "options": {"disable": ["no.such-rule"]}}"#
            try await client.execute(uri: "/v1/analyze", method: .post, headers: jsonHeaders, body: ByteBuffer(string: unknown)) { response in
                #expect(response.status == .ok)
                #expect(response.headers[HTTPField.Name("Shades-Warning")!]?.contains("no.such-rule") == true)
            }
        }
    }

    @Test func batchResultsComeBackInOrderWithTheirIds() async throws {
        let body = #"{"items": [{"id": "a", "text": "Nobody ever listens."}, {"text": "Fine."}, {"id": 9, "text": "I must be perfect."}]}"#
        try await app().test(.router) { client in
            try await client.execute(uri: "/v1/analyze/batch", method: .post, headers: jsonHeaders, body: ByteBuffer(string: body)) { response in
                #expect(response.status == .ok)
                let results = try #require(try json(response.body)["results"] as? [[String: Any]])
                #expect(results.count == 3)
                #expect(results[0]["id"] as? String == "a")
                #expect(results[1]["id"] as? Int == 2)
                #expect(results[2]["id"] as? Int == 9)
                #expect(results.map { $0["text"] as? String } == ["Nobody ever listens.", "Fine.", "I must be perfect."])
            }
        }
    }

    @Test func tooManyBatchItemsAreRefused() async throws {
        let items = (0..<4).map { #"{"text": "item \#($0)"}"# }.joined(separator: ",")
        try await app(.init(port: 0, batchLimit: 3)).test(.router) { client in
            try await client.execute(
                uri: "/v1/analyze/batch", method: .post, headers: jsonHeaders, body: ByteBuffer(string: #"{"items": [\#(items)]}"#)
            ) { response in
                #expect(response.status == .contentTooLarge)
                let code = try errorCode(response.body)
                #expect(code == "too-many-items")
            }
        }
    }

    private func errorCode(_ buffer: ByteBuffer) throws -> String? {
        let error = try #require(try json(buffer)["error"] as? [String: Any])
        #expect(error["message"] is String)
        return error["code"] as? String
    }

    @Test(arguments: [
        ("{\"text\": ", "application/json", HTTPResponse.Status.badRequest, "invalid-json"),
        ("{\"txt\": \"secret words\"}", "application/json", .badRequest, "invalid-json"),
        ("{\"text\": 12}", "application/json", .badRequest, "invalid-json"),
        ("{\"text\": \"secret words\"}", "text/plain", .unsupportedMediaType, "unsupported-media-type"),
        ("{\"text\": \"secret words\", \"options\": {\"categories\": [\"feelings\"]}}", "application/json", .badRequest, "invalid-json"),
        ("{\"text\": \"secret words\", \"options\": {\"minSeverity\": 3}}", "application/json", .badRequest, "invalid-option"),
    ])
    func badBodiesGetAStatusAndAJSONErrorThatDoesNotEchoTheText(
        body: String, contentType: String, status: HTTPResponse.Status, code: String
    ) async throws {
        try await app().test(.router) { client in
            try await client.execute(
                uri: "/v1/analyze", method: .post, headers: [.contentType: contentType], body: ByteBuffer(string: body)
            ) { response in
                #expect(response.status == status)
                let code = try errorCode(response.body)
                #expect(code == code)
                #expect(!String(buffer: response.body).contains("secret"))
            }
        }
    }

    @Test func invalidUTF8IsABadRequest() async throws {
        var buffer = ByteBuffer(string: "{\"text\": \"")
        buffer.writeBytes([0xFF, 0xFE])
        buffer.writeString("\"}")
        let body = buffer
        try await app().test(.router) { client in
            try await client.execute(uri: "/v1/analyze", method: .post, headers: jsonHeaders, body: body) { response in
                #expect(response.status == .badRequest)
                let code = try errorCode(response.body)
                #expect(code == "invalid-utf8")
            }
        }
    }

    @Test func bodiesOverTheLimitAreRefused() async throws {
        let text = String(repeating: "a", count: 2000)
        try await app(.init(port: 0, maxBodySize: 1000)).test(.router) { client in
            try await client.execute(
                uri: "/v1/analyze", method: .post, headers: jsonHeaders, body: ByteBuffer(string: #"{"text": "\#(text)"}"#)
            ) { response in
                #expect(response.status == .contentTooLarge)
                let code = try errorCode(response.body)
                #expect(code == "body-too-large")
            }
        }
    }

    @Test func unknownRoutesAreJSON404s() async throws {
        try await app().test(.router) { client in
            try await client.execute(uri: "/v2/whatever", method: .get) { response in
                #expect(response.status == .notFound)
                let code = try errorCode(response.body)
                #expect(code == "not-found")
            }
        }
    }

    @Test func healthReadinessLexiconAndOpenAPI() async throws {
        try await app().test(.router) { client in
            try await client.execute(uri: "/healthz", method: .get) { #expect($0.status == .ok) }
            try await client.execute(uri: "/readyz", method: .get) { #expect($0.status == .ok) }
            try await client.execute(uri: "/v1/lexicon", method: .get) { response in
                let lexicon = try json(response.body)
                let rules = try #require(lexicon["rules"] as? [[String: Any]])
                #expect(rules.count == Lexicon.defaults.flatMap(\.rules).count)
                #expect(rules.allSatisfy { $0["id"] is String && $0["message"] is String && $0["source"] is String })
                #expect((lexicon["categories"] as? [String])?.contains("safety") == true)
            }
            try await client.execute(uri: "/openapi.yaml", method: .get) { response in
                let committed = try String(contentsOf: OpenAPIDocument.url, encoding: .utf8)
                #expect(String(buffer: response.body) == committed)
            }
        }
    }

    @Test func metricsCountRequestsErrorsBytesAndFindings() async throws {
        try await app().test(.router) { client in
            try await client.execute(uri: "/v1/analyze", method: .post, headers: jsonHeaders, body: ByteBuffer(string: #"{"text": "I always fail."}"#)) { _ in }
            try await client.execute(uri: "/v1/analyze", method: .post, headers: [.contentType: "text/plain"], body: ByteBuffer(string: "x")) { _ in }
            try await client.execute(uri: "/metrics", method: .get) { response in
                let text = String(buffer: response.body)
                #expect(text.contains(#"shades_http_requests_total{method="POST",route="/v1/analyze",status="200"} 1"#))
                #expect(text.contains(#"shades_http_requests_total{method="POST",route="/v1/analyze",status="415"} 1"#))
                #expect(text.contains("shades_http_request_duration_seconds_bucket"))
                #expect(text.contains("shades_analyzed_bytes_total 14"))
                #expect(text.contains(#"shades_findings_total{category="overgeneralization"}"#))
            }
        }
    }

    @Test func aRealSocketOnAnEphemeralLoopbackPort() async throws {
        try await app().test(.live) { client in
            try await client.execute(
                uri: "/v1/analyze", method: .post, headers: jsonHeaders, body: ByteBuffer(string: #"{"text": "Nobody ever listens."}"#)
            ) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains("overgeneralization"))
            }
        }
    }
}

/// The committed OpenAPI document.
enum OpenAPIDocument {
    static let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../openapi.yaml").standardized
}

extension RouterTests {
    @Test func aKnownRouteWithAnotherMethodIsA405() async throws {
        try await buildApplication(configuration: .init(port: 0)).test(.router) { client in
            try await client.execute(uri: "/v1/analyze", method: .get) { response in
                #expect(response.status == .methodNotAllowed)
                #expect(response.headers[.allow] == "POST")
            }
        }
    }
}

extension RouterTests {
    @Test func anAnalysisOverTheTimeoutIsA503() async throws {
        let text = String(repeating: "I always ruin everything and nobody ever listens. ", count: 2000)
        let body = try JSONSerialization.data(withJSONObject: ["text": text])
        try await buildApplication(configuration: .init(port: 0, requestTimeout: .microseconds(1))).test(.router) { client in
            try await client.execute(uri: "/v1/analyze", method: .post, headers: [.contentType: "application/json"], body: ByteBuffer(bytes: body)) { response in
                #expect(response.status == .serviceUnavailable)
                let namesTheTimeout = String(buffer: response.body).contains("\"timeout\"")
                #expect(namesTheTimeout)
            }
        }
    }
}
