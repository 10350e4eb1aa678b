import BotCore

/// A question as read from the questions topic.
public struct Question: Sendable, Equatable {
    /// The question id: the `id` field, or `<topic>-<partition>-<offset>`.
    public var id: String
    /// The user: the `user` field, or the record key.
    public var user: String
    /// The question text, cleaned of control and bidirectional-override characters.
    public var text: String
    /// The answer language the client asked for.
    public var language: Language?
    /// Where to send the answer instead of the answers topic.
    public var replyTo: String?
    /// The raw JSON of `meta`, echoed back verbatim.
    public var meta: [UInt8]?

    /// Creates a question.
    public init(id: String, user: String, text: String, language: Language? = nil, replyTo: String? = nil, meta: [UInt8]? = nil) {
        self.id = id
        self.user = user
        self.text = text
        self.language = language
        self.replyTo = replyTo
        self.meta = meta
    }

    /// The JSON value, as clients send it.
    public func encoded() -> [UInt8] {
        var w = JSONWriter()
        w.raw("{\"id\":"); w.string(id)
        w.raw(",\"user\":"); w.string(user)
        w.raw(",\"text\":"); w.string(text)
        if let language { w.raw(",\"lang\":"); w.string(language.rawValue) }
        if let replyTo { w.raw(",\"reply_to\":"); w.string(replyTo) }
        if let meta { w.raw(",\"meta\":"); w.raw(meta) }
        w.raw("}")
        return w.bytes
    }
}

/// A question that cannot be answered normally.
public struct QuestionError: Error, Sendable, Equatable {
    public var code: QuestionErrorCode
    /// A readable explanation, in English (it goes to logs and dead-letter headers).
    public var message: String
    /// The question id when it could be read, else the default one.
    public var questionID: String
    /// The user, when one can be known (the `user` field or the key).
    public var user: String?
    /// The requested language, when it could be read.
    public var language: Language?
    /// The raw JSON of `meta`, when it could be read.
    public var meta: [UInt8]?
}

/// Limits applied while decoding questions.
public struct QuestionLimits: Sendable, Equatable {
    /// The largest record value accepted, in bytes.
    public var maxMessageBytes: Int = 64 * 1024
    /// The longest question text accepted, in UTF-8 bytes.
    public var maxTextBytes: Int = 4 * 1024
    /// The longest user id accepted, in UTF-8 bytes.
    public var maxUserBytes: Int = 256
    /// The deepest JSON nesting accepted (objects and arrays).
    public var maxDepth: Int = 32

    public init() {}
}

/// Decodes question records: JSON objects, or plain text with the key as the user.
public struct QuestionDecoder: Sendable {
    public var limits: QuestionLimits

    public init(limits: QuestionLimits = QuestionLimits()) {
        self.limits = limits
    }

    /// Decodes one record value.
    /// - Parameters:
    ///   - value: the record value; nil for a null value.
    ///   - key: the record key (the default user).
    ///   - defaultID: the id used when the question has none (`<topic>-<partition>-<offset>`); built only then.
    public func decode(value: [UInt8]?, key: [UInt8]?, defaultID: @autoclosure () -> String) -> Result<Question, QuestionError> {
        let keyUser = key.flatMap { k -> String? in
            guard let s = String(validating: k, as: UTF8.self) else { return nil }
            let cleaned = InputSanitizer.clean(s)
            return cleaned.isEmpty || cleaned.utf8.count > limits.maxUserBytes ? nil : cleaned
        }
        func failure(_ code: QuestionErrorCode, _ message: String, id: String? = nil, user: String? = nil,
                     language: Language? = nil, meta: [UInt8]? = nil) -> Result<Question, QuestionError> {
            .failure(QuestionError(code: code, message: message, questionID: id ?? defaultID(), user: user ?? keyUser, language: language, meta: meta))
        }
        guard let value else { return failure(.emptyMessage, "the record value is null") }
        if value.count > limits.maxMessageBytes {
            return failure(.messageTooLarge, "the record value has \(value.count) bytes, more than the limit of \(limits.maxMessageBytes)")
        }
        return value.withUnsafeBufferPointer { buffer -> Result<Question, QuestionError> in
            guard validUTF8(buffer) else { return failure(.invalidUTF8, "the record value is not valid UTF-8") }
            var first = 0
            while first < buffer.count, [0x20, 0x09, 0x0A, 0x0D].contains(buffer[first]) { first += 1 }
            if first == buffer.count { return failure(.emptyMessage, "the record value is empty") }
            guard buffer[first] == UInt8(ascii: "{") else {
                // Plain text: the whole value is the question, the key the user.
                let text = InputSanitizer.clean(String(decoding: buffer, as: UTF8.self))
                guard let user = keyUser else { return failure(.missingUser, "a plain-text question needs the user id as the record key") }
                if text.isEmpty { return failure(.missingText, "the question text is empty") }
                if text.utf8.count > limits.maxTextBytes {
                    return failure(.textTooLong, "the question text has \(text.utf8.count) bytes, more than the limit of \(limits.maxTextBytes)")
                }
                return .success(Question(id: defaultID(), user: user, text: text, language: nil, replyTo: nil, meta: nil))
            }
            var fields = Fields()
            var scanner = JSONScanner(buffer, maxDepth: limits.maxDepth)
            do {
                try scanner.readObject { key, s in try fields.read(key, &s, buffer) }
            } catch JSONScanner.Failure.tooDeep {
                return failure(.invalidJSON, "the JSON is nested more than \(limits.maxDepth) levels deep", id: fields.id, user: fields.user)
            } catch JSONScanner.Failure.syntax(let why) {
                return failure(.invalidJSON, "the value is not valid JSON: \(why)", id: fields.id, user: fields.user)
            } catch let error as FieldError {
                return failure(.invalidField, error.message, id: fields.id, user: fields.user)
            } catch {
                return failure(.invalidJSON, "the value is not valid JSON", id: fields.id)
            }
            let id = fields.id.map(InputSanitizer.clean).flatMap { $0.isEmpty ? nil : $0 } ?? defaultID()
            let user = fields.user.map(InputSanitizer.clean).flatMap { $0.isEmpty ? nil : $0 } ?? keyUser
            guard let user else {
                return failure(.missingUser, "the question has no \"user\" field and the record has no key", id: id, language: fields.language, meta: fields.meta)
            }
            if user.utf8.count > limits.maxUserBytes {
                return failure(.invalidField, "\"user\" is longer than \(limits.maxUserBytes) bytes", id: id, user: nil, language: fields.language, meta: fields.meta)
            }
            guard let raw = fields.text else {
                return failure(.missingText, "the question has no \"text\" field", id: id, user: user, language: fields.language, meta: fields.meta)
            }
            let text = InputSanitizer.clean(raw)
            if text.isEmpty {
                return failure(.missingText, "the question text is empty", id: id, user: user, language: fields.language, meta: fields.meta)
            }
            if text.utf8.count > limits.maxTextBytes {
                return failure(.textTooLong, "the question text has \(text.utf8.count) bytes, more than the limit of \(limits.maxTextBytes)",
                               id: id, user: user, language: fields.language, meta: fields.meta)
            }
            return .success(Question(id: id, user: user, text: text, language: fields.language, replyTo: fields.replyTo, meta: fields.meta))
        }
    }
}

private struct FieldError: Error { var message: String }

/// The members of a question object read so far.
private struct Fields {
    var text: String?
    var id: String?
    var user: String?
    var language: Language?
    var replyTo: String?
    var meta: [UInt8]?

    mutating func read(_ key: String, _ s: inout JSONScanner, _ buffer: UnsafeBufferPointer<UInt8>) throws {
        switch key {
        case "text": text = try string(key, &s)
        case "id": id = try string(key, &s)
        case "user": user = try string(key, &s)
        case "reply_to": replyTo = try string(key, &s)
        case "lang":
            guard let code = try string(key, &s) else { return }
            guard let lang = Language(rawValue: code.lowercased()) else {
                throw FieldError(message: "\"lang\" must be \"id\" or \"en\"")
            }
            language = lang
        case "meta":
            let kind = try s.peekKind()
            if kind == .null { try s.skipValue(); return }
            guard kind == .object else { throw FieldError(message: "\"meta\" must be an object") }
            let range = try s.skipValue()
            meta = Array(buffer[range])
        default:
            try s.skipValue()   // unknown members are ignored
        }
    }

    /// A string member; null counts as absent.
    private func string(_ key: String, _ s: inout JSONScanner) throws -> String? {
        switch try s.peekKind() {
        case .string: return try s.readString()
        case .null: try s.skipValue(); return nil
        default:
            try s.skipValue()
            throw FieldError(message: "\"\(key)\" must be a string")
        }
    }
}

private func validUTF8(_ buffer: UnsafeBufferPointer<UInt8>) -> Bool {
    // ASCII, eight bytes at a time, needs no decoding; the rest is decoded scalar by scalar.
    var i = 0
    if let base = buffer.baseAddress {
        while i + 8 <= buffer.count, UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 { i += 8 }
        while i < buffer.count, buffer[i] < 0x80 { i += 1 }
    }
    if i == buffer.count { return true }
    var iterator = UnsafeBufferPointer(rebasing: buffer[i...]).makeIterator()
    var decoder = UTF8()
    while true {
        switch decoder.decode(&iterator) {
        case .scalarValue: continue
        case .emptyInput: return true
        case .error: return false
        }
    }
}
