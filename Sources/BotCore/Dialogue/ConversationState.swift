/// What the engine remembers about one user between questions (a copy; the engine keeps a compact form).
public struct ConversationState: Sendable, Equatable {
    /// The language of the last answer.
    public var language: Language?
    /// The last answered intent.
    public var lastIntent: String?
    /// The last topic talked about: `influencer`, `kol` or `both`.
    public var lastTopic: String?
    /// The last aspect of the differences talked about (e.g. `credibility`).
    public var lastAspect: String?
    /// The difference last shown (1...5).
    public var cursor: Int?
    /// The two intents of a clarification the bot asked and the user has not answered yet.
    public var pendingClarification: [String]
    /// Hashes of the last question ids seen (at most four, oldest first).
    public var recentQuestionIds: [UInt32]
    /// Seconds since the epoch of the last question.
    public var lastActivity: Double

    /// Creates a state.
    public init(
        language: Language? = nil, lastIntent: String? = nil, lastTopic: String? = nil, lastAspect: String? = nil,
        cursor: Int? = nil, pendingClarification: [String] = [], recentQuestionIds: [UInt32] = [], lastActivity: Double = 0
    ) {
        self.language = language
        self.lastIntent = lastIntent
        self.lastTopic = lastTopic
        self.lastAspect = lastAspect
        self.cursor = cursor
        self.pendingClarification = pendingClarification
        self.recentQuestionIds = recentQuestionIds
        self.lastActivity = lastActivity
    }
}

/// Why bytes could not be decoded into a ``ConversationState``.
public struct ConversationStateDecodingError: Error, Sendable, Equatable {
    /// What is wrong.
    public let reason: String
}

extension ConversationState {
    private static let version: UInt8 = 1

    /// A compact byte encoding (typically 20-60 bytes): version, language, time, cursor,
    /// length-prefixed names, question id hashes.
    public func encoded() -> [UInt8] {
        var bytes: [UInt8] = [Self.version, language == .indonesian ? 1 : language == .english ? 2 : 0]
        withUnsafeBytes(of: lastActivity.bitPattern.littleEndian) { bytes.append(contentsOf: $0) }
        bytes.append(UInt8(clamping: cursor ?? 0))
        for name in [lastIntent, lastTopic, lastAspect] { Self.append(name, to: &bytes) }
        let pending = pendingClarification.prefix(2)
        bytes.append(UInt8(pending.count))
        for name in pending { Self.append(name, to: &bytes) }
        let recent = recentQuestionIds.suffix(4)
        bytes.append(UInt8(recent.count))
        for id in recent { withUnsafeBytes(of: id.littleEndian) { bytes.append(contentsOf: $0) } }
        return bytes
    }

    /// Decodes bytes made by ``encoded()``.
    public init(encoded bytes: [UInt8]) throws {
        var reader = ByteReader(bytes: bytes)
        guard try reader.byte() == Self.version else { throw ConversationStateDecodingError(reason: "unknown version") }
        switch try reader.byte() {
        case 0: language = nil
        case 1: language = .indonesian
        case 2: language = .english
        default: throw ConversationStateDecodingError(reason: "bad language")
        }
        var bits: UInt64 = 0
        for shift in stride(from: 0, to: 64, by: 8) { bits |= UInt64(try reader.byte()) << UInt64(shift) }
        lastActivity = Double(bitPattern: bits)
        let cursorByte = try reader.byte()
        cursor = cursorByte == 0 ? nil : Int(cursorByte)
        lastIntent = try reader.name()
        lastTopic = try reader.name()
        lastAspect = try reader.name()
        let pendingCount = Int(try reader.byte())
        guard pendingCount <= 2 else { throw ConversationStateDecodingError(reason: "bad clarification") }
        pendingClarification = try (0..<pendingCount).map { _ in
            guard let name = try reader.name() else { throw ConversationStateDecodingError(reason: "bad clarification") }
            return name
        }
        let recentCount = Int(try reader.byte())
        guard recentCount <= 4 else { throw ConversationStateDecodingError(reason: "bad question ids") }
        recentQuestionIds = try (0..<recentCount).map { _ in
            var id: UInt32 = 0
            for shift in stride(from: 0, to: 32, by: 8) { id |= UInt32(try reader.byte()) << UInt32(shift) }
            return id
        }
        guard reader.isAtEnd else { throw ConversationStateDecodingError(reason: "trailing bytes") }
    }

    private static func append(_ name: String?, to bytes: inout [UInt8]) {
        guard let name else {
            bytes.append(255)
            return
        }
        let utf8 = Array(name.utf8.prefix(254))
        bytes.append(UInt8(utf8.count))
        bytes.append(contentsOf: utf8)
    }
}

/// Reads bytes in order, throwing when they run out.
private struct ByteReader {
    let bytes: [UInt8]
    var position = 0

    var isAtEnd: Bool { position == bytes.count }

    mutating func byte() throws -> UInt8 {
        guard position < bytes.count else { throw ConversationStateDecodingError(reason: "truncated") }
        position += 1
        return bytes[position - 1]
    }

    mutating func name() throws -> String? {
        let length = try byte()
        if length == 255 { return nil }
        guard position + Int(length) <= bytes.count else { throw ConversationStateDecodingError(reason: "truncated") }
        defer { position += Int(length) }
        return String(decoding: bytes[position..<(position + Int(length))], as: UTF8.self)
    }
}
