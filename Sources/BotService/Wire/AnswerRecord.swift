/// The fields of an answer value that clients (chat, load test) read back.
public struct AnswerRecord: Sendable, Equatable {
    public var id = ""
    public var inReplyTo = ""
    public var user = ""
    public var text = ""
    public var intent = ""
    public var lang = ""
    public var fallback = false
    public var suggestions: [String] = []
    public var errorCode: String?

    /// Parses an answer value; nil when it is not an answer object.
    public init?(json bytes: [UInt8]) {
        var record = AnswerRecord()
        let ok = bytes.withUnsafeBufferPointer { buffer -> Bool in
            var scanner = JSONScanner(buffer)
            do {
                try scanner.readObject { key, s in
                    switch key {
                    case "id": record.id = try s.readString()
                    case "in_reply_to": record.inReplyTo = try s.readString()
                    case "user": record.user = try s.readString()
                    case "text": record.text = try s.readString()
                    case "intent": record.intent = try s.readString()
                    case "lang": record.lang = try s.readString()
                    case "suggestions": record.suggestions = try s.readStringArray()
                    case "fallback": record.fallback = try s.readBool()
                    case "error":
                        try s.readMembers { key, inner in
                            if key == "code" { record.errorCode = try inner.readString() } else { try inner.skipValue() }
                        }
                    default: try s.skipValue()
                    }
                }
                return true
            } catch { return false }
        }
        guard ok, !record.inReplyTo.isEmpty else { return nil }
        self = record
    }

    private init() {}
}
