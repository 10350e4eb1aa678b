import BotService
import Foundation
import KafkaTransport

/// A `POST /v1/ask` body checked the way `serve` checks a question record, before anything reaches Kafka.
public enum AskRequest {
    /// The question in `body` (a JSON object as in the topic contract; `text` and `user` required, `id`, `lang`,
    /// `meta` optional; a `reply_to` in the body is ignored: the gateway sets its own).
    /// - Parameter newID: the id given to a question that has none; called only then.
    public static func question(from body: [UInt8], limits: QuestionLimits, newID: () -> String) -> Result<Question, GatewayError> {
        if body.count > limits.maxMessageBytes { return .failure(.tooLarge(limits.maxMessageBytes)) }
        guard let first = body.first(where: { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }) else {
            return .failure(GatewayError(status: 400, code: QuestionErrorCode.emptyMessage.rawValue, message: "the request body is empty"))
        }
        guard first == UInt8(ascii: "{") else {
            return .failure(GatewayError(status: 400, code: QuestionErrorCode.invalidJSON.rawValue, message: "the request body must be a JSON object"))
        }
        switch QuestionDecoder(limits: limits).decode(value: body, key: nil, defaultID: newID()) {
        case .failure(let error): return .failure(GatewayError(error))
        case .success(var question):
            question.replyTo = nil
            return .success(question)
        }
    }

    /// A new question id: `gw-` and 128 random bits in hexadecimal.
    public static func newQuestionID() -> String {
        var g = SystemRandomNumberGenerator()
        return "gw-" + hex(g.next()) + hex(g.next())
    }

    /// An anonymous user id as the chat page makes them: `web:` and 16 to 64 of `A-Z a-z 0-9 _ -`.
    public static func isAnonymousUser(_ user: String) -> Bool {
        guard user.hasPrefix("web:") else { return false }
        let rest = user.utf8.dropFirst(4)
        return (16...64).contains(rest.count) && rest.allSatisfy { c in
            (c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z")) || (c >= UInt8(ascii: "A") && c <= UInt8(ascii: "Z"))
                || (c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9")) || c == UInt8(ascii: "_") || c == UInt8(ascii: "-")
        }
    }

    /// Whether a caller may ask as `user`: anyone may use an anonymous `web:` id; other ids need the bridge token
    /// when one is configured.
    public static func mayAsk(as user: String, authorization: String?, bridgeToken: String?) -> Bool {
        guard let bridgeToken else { return true }
        if isAnonymousUser(user) { return true }
        guard let authorization, authorization.hasPrefix("Bearer ") else { return false }
        return constantTimeEqual(Array(authorization.utf8.dropFirst(7)), Array(bridgeToken.utf8))
    }

    /// The `correlation-id` and `traceparent` request headers that may travel on: a correlation id of 1 to 128
    /// visible ASCII characters, a W3C `traceparent` (`00-<32 hex>-<16 hex>-<2 hex>`). Others are dropped.
    public static func propagatedHeaders(correlationID: String?, traceparent: String?) -> [MessageHeader] {
        var headers: [MessageHeader] = []
        if let id = correlationID, (1...128).contains(id.utf8.count), id.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) {
            headers.append(MessageHeader(Headers.correlationID, id))
        }
        if let tp = traceparent?.lowercased(), isTraceparent(tp) {
            headers.append(MessageHeader(Headers.traceparent, tp))
        }
        return headers
    }

    static func isTraceparent(_ s: String) -> Bool {
        let parts = s.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 4, parts[0].count == 2, parts[1].count == 32, parts[2].count == 16, parts[3].count == 2 else { return false }
        guard parts.allSatisfy({ $0.allSatisfy(\.isHexDigit) }) else { return false }
        return parts[0] != "ff" && parts[1] != String(repeating: "0", count: 32) && parts[2] != String(repeating: "0", count: 16)
    }

    private static func hex(_ v: UInt64) -> String {
        let s = String(v, radix: 16)
        return String(repeating: "0", count: 16 - s.count) + s
    }

    private static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        var diff = UInt8(a.count == b.count ? 0 : 1)
        for i in 0..<max(a.count, b.count) {
            diff |= (i < a.count ? a[i] : 0) ^ (i < b.count ? b[i] : 0)
        }
        return diff == 0
    }
}
