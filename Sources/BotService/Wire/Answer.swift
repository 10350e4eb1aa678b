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
        var w = JSONWriter(capacity: 320 + reply.text.utf8.count + (meta?.count ?? 0) + reply.suggestions.count * 64)
        w.raw("{\"id\":"); w.string(id)
        w.raw(",\"in_reply_to\":"); w.string(inReplyTo)
        w.raw(",\"user\":"); w.string(user)
        w.raw(",\"text\":"); w.string(reply.text)
        w.raw(",\"intent\":"); w.string(reply.intent)
        w.raw(",\"confidence\":"); w.confidence(reply.confidence)
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
        if let meta { w.raw(",\"meta\":"); w.raw(meta) }
        if let error {
            w.raw(",\"error\":{\"code\":"); w.string(error.code.rawValue)
            w.raw(",\"message\":"); w.string(error.message); w.raw("}")
        }
        w.raw(",\"ts\":"); w.timestamp(milliseconds: timestampMs); w.raw("}")
        return w.bytes
    }
}
