import BotService

/// An HTTP error with the topic contract's error object: `{"error": {"code": ..., "message": ...}}`.
/// Input errors use the contract's codes (`invalid_json`, `missing_text`, ...); the gateway adds its own for
/// what only an HTTP client meets (`answer_timeout`, `overloaded`, ...).
public struct GatewayError: Error, Sendable, Equatable {
    public var status: Int
    public var code: String
    public var message: String

    public init(status: Int, code: String, message: String) {
        self.status = status
        self.code = code
        self.message = message
    }

    /// A question the contract's decoder refused: `400`, or `413` for a value over the size limit.
    public init(_ error: QuestionError) {
        self.init(status: error.code == .messageTooLarge ? 413 : 400, code: error.code.rawValue, message: error.message)
    }

    /// The JSON body.
    public var json: String { "{\"error\":{\"code\":\(jsonString(code)),\"message\":\(jsonString(message))}}" }

    static func tooLarge(_ limit: Int) -> GatewayError {
        GatewayError(status: 413, code: QuestionErrorCode.messageTooLarge.rawValue, message: "the request body is larger than \(limit) bytes")
    }

    static func timeout(_ timeout: Duration) -> GatewayError {
        GatewayError(status: 504, code: "answer_timeout", message: "no answer within \(timeout); the question may still be answered later, but not here")
    }

    static let overloaded = GatewayError(status: 503, code: "overloaded", message: "too many questions are waiting for answers; try again shortly")
    static let unavailable = GatewayError(status: 503, code: "unavailable", message: "the gateway is not connected to the brokers")
    static let duplicate = GatewayError(status: 409, code: "duplicate_id", message: "a question with this user and id is already waiting for its answer")
    static let cancelled = GatewayError(status: 503, code: "unavailable", message: "the request was cancelled")
    static func notDelivered(_ why: String) -> GatewayError {
        GatewayError(status: 503, code: QuestionErrorCode.deliveryFailed.rawValue, message: "the question could not be sent: \(why)")
    }
    static let forbiddenUser = GatewayError(
        status: 403, code: "forbidden_user",
        message: "without the bridge token, \"user\" must be an anonymous id: web: followed by 16 to 64 of A-Z a-z 0-9 _ -")
    static let notFound = GatewayError(status: 404, code: "not_found", message: "no such resource")
    static let methodNotAllowed = GatewayError(status: 405, code: "method_not_allowed", message: "method not allowed here")
}
