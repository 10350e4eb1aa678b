import Hummingbird
import Logging

/// Runs around every request: counts it, adds the security headers, answers CORS (only for configured origins),
/// and turns routing errors into the contract's JSON error object.
struct GatewayMiddleware<Context: RequestContext>: RouterMiddleware {
    let corsOrigins: [String]
    let metrics: GatewayMetrics
    let logger: Logger

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let route = Self.route(of: request.uri.path)
        let origin = request.headers[.origin].flatMap { allowedOrigin($0) }
        var response: Response
        if request.method == .options, route == .ask, let origin {
            response = Response(status: .noContent)
            response.headers[.accessControlAllowMethods] = "POST, OPTIONS"
            response.headers[.accessControlAllowHeaders] = "content-type, accept, authorization, correlation-id, traceparent"
            response.headers[.accessControlMaxAge] = "600"
            response.headers[.accessControlAllowOrigin] = origin
        } else {
            do {
                response = try await next(request, context)
            } catch let error as any HTTPResponseError {
                let mapped: GatewayError = switch error.status.code {
                case 404: .notFound
                case 405: .methodNotAllowed
                case 413: GatewayError(status: 413, code: "message_too_large", message: "the request body is too large")
                default: GatewayError(status: error.status.code, code: "http_error", message: error.status.reasonPhrase)
                }
                response = GatewayRoutes.error(mapped)
            } catch {
                logger.error("request failed", metadata: ["error": "\(error)", "path": "\(request.uri.path)"])
                response = GatewayRoutes.error(GatewayError(status: 500, code: "internal_error", message: "the request failed"))
            }
            if route == .ask, let origin {
                response.headers[.accessControlAllowOrigin] = origin
                response.headers[.accessControlExposeHeaders] = "correlation-id, traceparent"
            }
        }
        if !corsOrigins.isEmpty { response.headers[.vary] = "Origin" }
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[.referrerPolicy] = "no-referrer"
        response.headers[.xFrameOptions] = "DENY"
        if response.headers[.contentSecurityPolicy] == nil {
            response.headers[.contentSecurityPolicy] = "default-src 'none'; frame-ancestors 'none'"
        }
        metrics.responded(route, status: response.status.code)
        return response
    }

    /// The value of `Access-Control-Allow-Origin` for a request from `origin`, or nil when CORS does not allow it.
    func allowedOrigin(_ origin: String) -> String? {
        if corsOrigins.contains("*") { return "*" }
        return corsOrigins.contains(origin) ? origin : nil
    }

    static func route(of path: String) -> GatewayMetrics.Route {
        switch path {
        case "/v1/ask": .ask
        case "/": .page
        case "/chat.js", "/chat.css": .asset
        case "/health/live", "/health/ready": .health
        case "/metrics": .metrics
        default: .other
        }
    }
}

/// `HTTPField.Name` (the type is not re-exported by Hummingbird).
typealias FieldName = HTTPFields.Element.Name

extension FieldName {
    static let xFrameOptions = Self("X-Frame-Options")!
    static let referrerPolicy = Self("Referrer-Policy")!
}
