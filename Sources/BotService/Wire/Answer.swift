import BotCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An answer as written to the answers topic (see `Deploy/asyncapi.yaml`).
public struct Answer: Sendable, Equatable {
    public var id: String
    public var inReplyTo: String
    public var user: String
    public var reply: Reply
    /// The question's raw `meta` JSON, echoed.
    public var meta: [UInt8]?
    /// Set on error answers: why the question was not answered normally.
    public var error: QuestionError?
    /// Milliseconds since the epoch.
    public var timestampMs: Int64

    public init(id: String, inReplyTo: String, user: String, reply: Reply, meta: [UInt8]? = nil,
                error: QuestionError? = nil, timestampMs: Int64) {
        self.id = id
        self.inReplyTo = inReplyTo
        self.user = user
        self.reply = reply
        self.meta = meta
        self.error = error
        self.timestampMs = timestampMs
    }

    /// The answer to `question`.
    public init(replying question: Question, with reply: Reply, timestampMs: Int64) {
        self.init(id: question.id + ":answer", inReplyTo: question.id, user: question.user, reply: reply, meta: question.meta,
                  timestampMs: timestampMs)
    }

    /// The error answer to a question that cannot be answered normally, told to the user in their language.
    public init(rejecting error: QuestionError, user: String, timestampMs: Int64) {
        let language = error.language ?? .indonesian
        let intent = error.code == .rateLimited ? "rate_limited" : "error"
        let reply = Reply(text: error.code.userMessage(language), intent: intent, confidence: 0, language: language, isFallback: true)
        self.init(id: error.questionID + ":answer", inReplyTo: error.questionID, user: user, reply: reply, meta: error.meta,
                  error: error, timestampMs: timestampMs)
    }

    /// The JSON value.
    public func encoded() -> [UInt8] {
        var w = JSONWriter()
        w.bytes.reserveCapacity(256 + reply.text.utf8.count + (meta?.count ?? 0))
        w.raw("{\"id\":"); w.string(id)
        w.raw(",\"in_reply_to\":"); w.string(inReplyTo)
        w.raw(",\"user\":"); w.string(user)
        w.raw(",\"text\":"); w.string(reply.text)
        w.raw(",\"intent\":"); w.string(reply.intent)
        w.raw(",\"confidence\":"); w.confidence(reply.confidence)
        w.raw(",\"lang\":"); w.string(reply.language.rawValue)
        w.raw(",\"fallback\":"); w.raw(reply.isFallback ? "true" : "false")
        w.raw(",\"suggestions\":[")
        for (i, s) in reply.suggestions.enumerated() {
            if i > 0 { w.raw(",") }
            w.string(s)
        }
        w.raw("]")
        if let source = reply.source { w.raw(",\"source\":"); w.string(source) }
        if !reply.facts.isEmpty {
            w.raw(",\"facts\":[")
            for (i, f) in reply.facts.enumerated() {
                if i > 0 { w.raw(",") }
                w.string(f)
            }
            w.raw("]")
        }
        if let meta { w.raw(",\"meta\":"); w.bytes.append(contentsOf: meta) }
        if let error {
            w.raw(",\"error\":{\"code\":"); w.string(error.code.rawValue)
            w.raw(",\"message\":"); w.string(error.message); w.raw("}")
        }
        w.raw(",\"ts\":\""); w.raw(rfc3339(milliseconds: timestampMs)); w.raw("\"}")
        return w.bytes
    }
}

/// Appends JSON tokens to a byte buffer.
struct JSONWriter {
    var bytes: [UInt8] = []

    mutating func raw(_ s: String) { bytes.append(contentsOf: s.utf8) }

    mutating func string(_ s: String) {
        bytes.append(UInt8(ascii: "\""))
        for b in s.utf8 {
            switch b {
            case UInt8(ascii: "\""): bytes.append(contentsOf: [0x5C, 0x22])
            case UInt8(ascii: "\\"): bytes.append(contentsOf: [0x5C, 0x5C])
            case 0x0A: bytes.append(contentsOf: [0x5C, UInt8(ascii: "n")])
            case 0x0D: bytes.append(contentsOf: [0x5C, UInt8(ascii: "r")])
            case 0x09: bytes.append(contentsOf: [0x5C, UInt8(ascii: "t")])
            case 0..<0x20, 0x7F:
                let hex = Array("0123456789abcdef".utf8)
                bytes.append(contentsOf: [0x5C, UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hex[Int(b >> 4)], hex[Int(b & 0xF)]])
            default: bytes.append(b)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// A number in 0...1 with three decimals.
    mutating func confidence(_ value: Double) {
        let v = value.isFinite ? min(max(value, 0), 1) : 0
        let thousandths = Int((v * 1000).rounded())
        if thousandths == 1000 { raw("1.0"); return }
        let digits = String(thousandths)
        raw("0." + String(repeating: "0", count: 3 - digits.count) + digits)
    }
}

/// RFC 3339 in UTC with milliseconds, e.g. `2026-11-27T03:34:11.123Z`.
public func rfc3339(milliseconds: Int64) -> String {
    var seconds = time_t(milliseconds / 1000)
    var parts = tm()
    gmtime_r(&seconds, &parts)
    func pad(_ v: Int32, _ n: Int) -> String {
        let s = String(v)
        return String(repeating: "0", count: max(0, n - s.count)) + s
    }
    return "\(pad(parts.tm_year + 1900, 4))-\(pad(parts.tm_mon + 1, 2))-\(pad(parts.tm_mday, 2))T"
        + "\(pad(parts.tm_hour, 2)):\(pad(parts.tm_min, 2)):\(pad(parts.tm_sec, 2)).\(pad(Int32(milliseconds % 1000), 3))Z"
}

/// Milliseconds since the epoch, from the system clock.
public func currentTimeMs() -> Int64 {
    var ts = timespec()
    clock_gettime(CLOCK_REALTIME, &ts)
    return Int64(ts.tv_sec) * 1000 + Int64(ts.tv_nsec) / 1_000_000
}
