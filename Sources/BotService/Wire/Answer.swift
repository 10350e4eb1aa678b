import BotCore

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

    /// The JSON value (members in a fixed order; `meta` verbatim).
    public func encoded() -> [UInt8] {
        var encoder = AnswerEncoder(variantsPerKey: 0)
        return encoder.encode(self)
    }
}

/// Encodes answers. Most of an answer's bytes depend only on the reply (its text, intent, language,
/// suggestions, source, facts, verdict), and replies repeat: the pack's canned answers, with a few variants each
/// (suggestions follow the conversation). Those bytes are encoded once and kept, a few variants per intent and
/// language, and reused while the reply's content is the same (a cheap check: the pack's strings are shared, so
/// equality is mostly decided by identity). Owned by one thread.
struct AnswerEncoder {
    private struct Key: Hashable {
        var intent: String
        var language: Language
    }

    /// The encoded members of one reply: `,"text":…,"intent":…` and `,"lang":…` through `,"polarity":…`
    /// (a class: a cache hit hands out one reference instead of copying the reply's fields).
    private final class Parts {
        let reply: Reply
        let head: [UInt8]
        let tail: [UInt8]

        init(reply: Reply, head: [UInt8], tail: [UInt8]) {
            self.reply = reply
            self.head = head
            self.tail = tail
        }

        /// Everything but the confidence is the same (which these bytes do not hold).
        func encodes(_ other: Reply) -> Bool {
            reply.text == other.text && reply.isFallback == other.isFallback && reply.polarity == other.polarity
                && reply.suggestions == other.suggestions && reply.source == other.source && reply.facts == other.facts
        }
    }

    private var cache: [Key: [Parts]] = [:]
    private let variantsPerKey: Int
    private var second = TimestampSecond()

    /// - Parameter variantsPerKey: how many replies to keep encoded per intent and language (0: none).
    init(variantsPerKey: Int = 8) {
        self.variantsPerKey = variantsPerKey
    }

    /// The answer's JSON value, members in the contract's order.
    mutating func encode(_ answer: Answer) -> [UInt8] {
        let parts = self.parts(of: answer.reply)
        var w = JSONWriter(capacity: 96 + parts.head.count + parts.tail.count + answer.id.utf8.count * 2 + answer.user.utf8.count
                               + (answer.meta?.count ?? 0))
        w.raw("{\"id\":"); w.string(answer.id)
        w.raw(",\"in_reply_to\":"); w.string(answer.inReplyTo)
        w.raw(",\"user\":"); w.string(answer.user)
        w.raw(parts.head)
        w.raw(",\"confidence\":"); w.confidence(answer.reply.confidence)
        w.raw(parts.tail)
        if let meta = answer.meta { w.raw(",\"meta\":"); w.raw(meta) }
        if let error = answer.error {
            w.raw(",\"error\":{\"code\":"); w.string(error.code.rawValue)
            w.raw(",\"message\":"); w.string(error.message); w.raw("}")
        }
        w.raw(",\"ts\":"); w.timestamp(milliseconds: answer.timestampMs, second: &second); w.raw("}")
        return w.bytes
    }

    private mutating func parts(of reply: Reply) -> Parts {
        guard variantsPerKey > 0 else { return Self.encodeParts(reply) }
        let key = Key(intent: reply.intent, language: reply.language)
        if let variants = cache[key], let hit = variants.first(where: { $0.encodes(reply) }) { return hit }
        let parts = Self.encodeParts(reply)
        if cache.count >= 4_096 { cache.removeAll(keepingCapacity: true) }
        var variants = cache.removeValue(forKey: key) ?? []
        if variants.count >= variantsPerKey { variants.removeLast() }
        variants.insert(parts, at: 0)
        cache[key] = variants
        return parts
    }

    private static func encodeParts(_ reply: Reply) -> Parts {
        var head = JSONWriter(capacity: reply.text.utf8.count + reply.intent.utf8.count + 24)
        head.raw(",\"text\":"); head.string(reply.text)
        head.raw(",\"intent\":"); head.string(reply.intent)
        var w = JSONWriter(capacity: 128 + (reply.source?.utf8.count ?? 0) + reply.suggestions.count * 64)
        w.raw(",\"lang\":"); w.string(reply.language.rawValue)
        w.raw(reply.isFallback ? ",\"fallback\":true" : ",\"fallback\":false")
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
        if let polarity = reply.polarity { w.raw(",\"polarity\":"); w.string(polarity.rawValue) }
        return Parts(reply: reply, head: head.bytes, tail: w.bytes)
    }
}
