import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import Shades
import Synchronization

/// The analysis routes: reads and checks JSON bodies, analyses on Dispatch worker threads
/// (never on an event loop's critical path) with a timeout, and writes records in exactly the
/// filter's JSONL schema.
struct AnalysisController: Sendable {
    let analyzer: Analyzer
    let configuration: ServerConfiguration
    let metrics: ServerMetrics

    func analyze(_ request: Request, context: some RequestContext) async throws -> Response {
        let body: AnalyzeRequest = try await decode(request, context: context)
        let filter = try findingFilter(body.options)
        let record = try await withTimeout {
            analyzeRecord(id: body.id ?? .integer(1), text: body.text, filter: filter)
        }
        return withWarning(jsonResponse(record), options: body.options)
    }

    func analyzeBatch(_ request: Request, context: some RequestContext) async throws -> Response {
        let body: BatchRequest = try await decode(request, context: context)
        guard body.items.count <= configuration.batchLimit else {
            throw APIError(
                .contentTooLarge, code: "too-many-items",
                message: "A batch takes at most \(configuration.batchLimit) items; this one has \(body.items.count).")
        }
        let filter = try findingFilter(body.options)
        let output = try await withTimeout {
            var writer = JSONWriter()
            writer.raw("{\"results\":[")
            for (index, item) in body.items.enumerated() {
                if index > 0 { writer.raw(",") }
                writer.raw(bytes: analyzeRecord(id: item.id ?? .integer(index + 1), text: item.text, filter: filter))
            }
            writer.raw("]}")
            return writer.bytes
        }
        return withWarning(jsonResponse(output), options: body.options)
    }

    /// The analysis and the rule matches set aside, with why, as `shades explain --json` writes them.
    func explain(_ request: Request, context: some RequestContext) async throws -> Response {
        let body: ExplainRequest = try await decode(request, context: context)
        let output = try await withTimeout {
            var writer = JSONWriter()
            analyzer.explain(body.text).writeJSON(to: &writer, text: body.text)
            return writer.bytes
        }
        return jsonResponse(output)
    }

    /// Names, in a `Shades-Warning` header, the disabled rule ids that no loaded rule has.
    private func withWarning(_ response: Response, options: AnalysisOptions?) -> Response {
        let unknown = Set(options?.disable ?? []).subtracting(analyzer.rules.map(\.id)).sorted()
        guard !unknown.isEmpty, let name = HTTPField.Name("Shades-Warning") else { return response }
        var response = response
        let names = unknown.map { $0.unicodeScalars.allSatisfy { $0.isASCII && $0.value >= 0x20 } ? $0 : "(an id with control or non-ASCII characters)" }
        response.headers[name] = "options.disable names rules that are not loaded: " + names.joined(separator: ", ")
        return response
    }

    // MARK: - Analysis

    private func analyzeRecord(id: RecordID, text: String, filter: @Sendable (Finding) -> Bool) -> [UInt8] {
        let analysis = analyzer.analyze(text).filtered(filter)
        metrics.recordAnalysis(bytes: text.utf8.count, analysis: analysis)
        var writer = JSONWriter()
        analysis.writeJSONRecord(to: &writer, id: { id.write(to: &$0) }, text: text)
        return writer.bytes
    }

    private func findingFilter(_ options: AnalysisOptions?) throws -> @Sendable (Finding) -> Bool {
        let categories = options?.categories.map(Set.init)
        let minimum = options?.minSeverity ?? 0
        guard (0...1).contains(minimum) else {
            throw APIError(.badRequest, code: "invalid-option", message: "options.minSeverity is a number from 0 to 1.")
        }
        let disabled = Set(options?.disable ?? [])
        return { finding in
            (categories?.contains(finding.category) ?? true) && finding.severity >= minimum && !disabled.contains(finding.rule)
        }
    }

    /// Runs `work` on a Dispatch worker thread (neither an event loop nor the cooperative pool)
    /// and answers 503 when it outlasts the request timeout. The timer runs on Dispatch too, so
    /// it fires even when every cooperative thread is busy; work that finishes after the
    /// deadline is a timeout too, whichever runs first.
    private func withTimeout<Value: Sendable>(_ work: @escaping @Sendable () -> Value) async throws -> Value {
        let deadline = DispatchTime.now() + .nanoseconds(Int(configuration.requestTimeout.nanoseconds))
        let finished = Mutex(false)
        return try await withCheckedThrowingContinuation { continuation in
            let finish: @Sendable (Result<Value, APIError>) -> Void = { result in
                let first = finished.withLock { done in
                    defer { done = true }
                    return !done
                }
                if first { continuation.resume(with: result) }
            }
            let timeout = APIError(.serviceUnavailable, code: "timeout", message: "The analysis took longer than the request timeout.")
            // Work that ends past the deadline is late even if the timer has not run yet (on a
            // busy machine both wait for a Dispatch thread).
            DispatchQueue.global().async {
                let value = work()
                finish(DispatchTime.now() > deadline ? .failure(timeout) : .success(value))
            }
            DispatchQueue.global().asyncAfter(deadline: deadline) { finish(.failure(timeout)) }
        }
    }

    // MARK: - Bodies

    /// Reads a JSON body: checks the content type, the size (from Content-Length before reading,
    /// and while reading), UTF-8 and the JSON itself.
    private func decode<Body: Decodable>(_ request: Request, context: some RequestContext) async throws -> Body {
        let contentType = request.headers[.contentType]?.lowercased() ?? ""
        guard contentType.hasPrefix("application/json") else {
            throw APIError(
                .unsupportedMediaType, code: "unsupported-media-type",
                message: "Send the body as application/json (the Content-Type was '\(contentType.prefix(100))').")
        }
        let limit = configuration.maxBodySize
        let tooLarge = APIError(.contentTooLarge, code: "body-too-large", message: "The body is larger than the limit of \(limit) bytes.")
        if let length = request.headers[.contentLength].flatMap(Int.init), length > limit { throw tooLarge }
        var request = request
        let buffer: ByteBuffer
        do {
            buffer = try await request.collectBody(upTo: limit)
        } catch {
            throw tooLarge
        }
        let bytes = Array(buffer.readableBytesView)
        guard String(validating: bytes, as: UTF8.self) != nil else {
            throw APIError(.badRequest, code: "invalid-utf8", message: "The body is not valid UTF-8.")
        }
        do {
            return try JSONDecoder().decode(Body.self, from: Data(bytes))
        } catch let error as DecodingError {
            throw APIError(.badRequest, code: "invalid-json", message: Self.describe(error))
        } catch {
            throw APIError(.badRequest, code: "invalid-json", message: "The body is not valid JSON.")
        }
    }

    /// Names what is wrong without quoting the body.
    private static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            let names = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }
            return names.isEmpty ? "the body" : names.joined(separator: ".").replacingOccurrences(of: ".[", with: "[")
        }
        switch error {
        case .keyNotFound(let key, let context):
            let parent = path(context)
            return "\(parent == "the body" ? "The body" : parent) needs a \"\(key.stringValue)\" member."
        case .typeMismatch(let type, let context), .valueNotFound(let type, let context):
            return "\(path(context)) should be \(describe(type))."
        case .dataCorrupted(let context):
            return context.codingPath.isEmpty ? "The body is not valid JSON." : "\(path(context)) has a value that is not allowed."
        @unknown default:
            return "The body is not valid JSON for this route."
        }
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Double.Type, is Int.Type: "a number"
        case is Array<Any>.Type: "a list"
        default: "an object of the documented shape"
        }
    }

    func jsonResponse(_ bytes: [UInt8]) -> Response {
        Response(
            status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}
