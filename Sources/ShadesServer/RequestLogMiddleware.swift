import HTTPTypes
import Hummingbird
import Logging

/// Logs one line per request (method, route, status, duration, bytes in and out; never the
/// text), records the request metrics, and turns every error into a JSON error response, so a
/// client error is never a 500 and never stops the server.
struct RequestLogMiddleware<Context: RequestContext>: RouterMiddleware {
    let metrics: ServerMetrics
    /// The methods each route path takes, to answer 405 rather than 404 for the others.
    let methodsByPath: [String: [HTTPRequest.Method]]

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let clock = ContinuousClock()
        let start = clock.now
        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as APIError {
            response = try error.response(from: request, context: context)
        } catch let error as HTTPError where error.status == .notFound && methodsByPath[request.uri.path] != nil {
            let allowed = methodsByPath[request.uri.path]!.map(\.rawValue).joined(separator: ", ")
            response = try APIError(.methodNotAllowed, code: "method-not-allowed", message: "This route takes \(allowed).")
                .response(from: request, context: context)
            response.headers[.allow] = allowed
        } catch let error as HTTPError {
            response = try APIError.from(error).response(from: request, context: context)
        } catch {
            context.logger.error("request failed: \(String(reflecting: type(of: error)))")
            response = try APIError(.internalServerError, code: "internal", message: "The server could not handle this request.")
                .response(from: request, context: context)
        }
        let duration = clock.now - start
        let route = context.endpointPath ?? "unmatched"
        metrics.recordRequest(method: request.method.rawValue, route: route, status: response.status.code, duration: duration)
        context.logger.info(
            "request",
            metadata: [
                "method": "\(request.method)", "route": "\(route)", "status": "\(response.status.code)",
                "duration_ms": "\(Double(duration.nanoseconds) / 1_000_000)",
                "bytes_in": "\(request.headers[.contentLength] ?? "-")",
                "bytes_out": "\(response.body.contentLength.map(String.init) ?? "-")",
            ])
        return response
    }
}
