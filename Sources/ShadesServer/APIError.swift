public import HTTPTypes
public import Hummingbird
import NIOCore
import Shades

/// An error a client sees: a status and a JSON body `{"error": {"code", "message"}}` that names
/// the problem and never echoes the request's text.
public struct APIError: HTTPResponseError, Sendable {
    public let status: HTTPResponse.Status
    /// A stable, machine-readable code such as `invalid-json`.
    public let code: String
    public let message: String

    public init(_ status: HTTPResponse.Status, code: String, message: String) {
        self.status = status
        self.code = code
        self.message = message
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        var writer = JSONWriter()
        writer.raw("{\"error\":{\"code\":")
        writer.string(code)
        writer.raw(",\"message\":")
        writer.string(message)
        writer.raw("}}")
        return Response(
            status: status, headers: [.contentType: "application/json; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(bytes: writer.bytes)))
    }

    /// The JSON error for a Hummingbird error (an unknown route, a method not allowed, …).
    static func from(_ error: HTTPError) -> APIError {
        let code = switch error.status.code {
        case 404: "not-found"
        case 405: "method-not-allowed"
        case 413: "body-too-large"
        default: "http-\(error.status.code)"
        }
        let message = switch error.status.code {
        case 404: "There is no such route. The routes are listed at /openapi.yaml."
        case 405: "This route does not take that method. The routes are listed at /openapi.yaml."
        default: error.status.reasonPhrase
        }
        return APIError(error.status, code: code, message: message)
    }
}
