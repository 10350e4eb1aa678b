/// The per-user memory as the engine keeps it: small integers instead of names (about 48 bytes).
struct UserMemory: Equatable {
    /// 0 = unknown, 1 = Indonesian, 2 = English.
    var language: UInt8 = 0
    /// Index of the last answered intent, -1 for none.
    var lastIntent: Int16 = -1
    /// Index into the pack's topic names plus one, 0 for none.
    var topic: UInt8 = 0
    /// Index into the pack's aspect names plus one, 0 for none.
    var aspect: UInt8 = 0
    /// The difference last shown (1...5), 0 for none.
    var cursor: UInt8 = 0
    /// The two intents of a pending clarification, -1 for none.
    var pendingFirst: Int16 = -1
    var pendingSecond: Int16 = -1
    /// Ring of hashes of the last four question ids; `recentCount` of them are set.
    var recent: (UInt32, UInt32, UInt32, UInt32) = (0, 0, 0, 0)
    var recentCount: UInt8 = 0
    /// Seconds since the epoch of the last question.
    var lastActivity: Double = 0
    /// The last answer was a yes/no verdict: a follow-up "kalau Snapchat?" asks yes or no too.
    /// Kept in memory only (not part of ``ConversationState``).
    var askedYesNo = false
    /// The claim memory holds this user's last yes/no question: answers since kept to its aspect ("kok bisa gitu?"),
    /// so "KOL juga seluas itu?" can still ask it of the other side. Kept in memory only.
    var claimKept = false
    /// The last answer started the conversation over: an ordinal next has no list to pick from. Kept in memory only.
    var startedOver = false
    /// The side (index into the pack's topic names plus one) of the last question when it was refused although
    /// it named one ("berapa gaji influencer?"): "kalo KOL?" asks the same of the other side. 0 for none. Kept in
    /// memory only.
    var refusedTopic: UInt8 = 0
    /// The last question was refused naming no side and words the pack never saw ("Who is MrBeast?"): "is he an
    /// influencer?" next is about that one. Kept in memory only.
    var refusedUnknown = false

    static func == (lhs: UserMemory, rhs: UserMemory) -> Bool {
        lhs.language == rhs.language && lhs.lastIntent == rhs.lastIntent && lhs.topic == rhs.topic
            && lhs.aspect == rhs.aspect && lhs.cursor == rhs.cursor && lhs.pendingFirst == rhs.pendingFirst
            && lhs.pendingSecond == rhs.pendingSecond && lhs.recentIds == rhs.recentIds
            && lhs.lastActivity == rhs.lastActivity && lhs.askedYesNo == rhs.askedYesNo && lhs.claimKept == rhs.claimKept
            && lhs.startedOver == rhs.startedOver && lhs.refusedTopic == rhs.refusedTopic && lhs.refusedUnknown == rhs.refusedUnknown
    }

    var languageValue: Language? {
        get { language == 1 ? .indonesian : language == 2 ? .english : nil }
        set { language = newValue == .indonesian ? 1 : newValue == .english ? 2 : 0 }
    }

    /// The recent question id hashes, oldest first.
    var recentIds: [UInt32] {
        let all = [recent.0, recent.1, recent.2, recent.3]
        return Array(all.prefix(Int(recentCount)))
    }

    /// Remembers a question id hash (keeps the last four; no array is built).
    mutating func remember(questionHash hash: UInt32) {
        switch recentCount {
        case 0: recent = (hash, 0, 0, 0)
        case 1: recent = (recent.0, hash, 0, 0)
        case 2: recent = (recent.0, recent.1, hash, 0)
        case 3: recent = (recent.0, recent.1, recent.2, hash)
        default: recent = (recent.1, recent.2, recent.3, hash)
        }
        recentCount = min(recentCount + 1, 4)
    }

    /// True when `hash` is among the recent question id hashes (no array is built).
    func hasSeen(questionHash hash: UInt32) -> Bool {
        let count = Int(recentCount)
        return count > 0 && recent.0 == hash || count > 1 && recent.1 == hash
            || count > 2 && recent.2 == hash || count > 3 && recent.3 == hash
    }

    /// A 32-bit FNV-1a hash of a question id.
    static func hash(questionId: String) -> UInt32 {
        var hash: UInt32 = 0x811c_9dc5
        for byte in questionId.utf8 { hash = (hash ^ UInt32(byte)) &* 0x0100_0193 }
        return hash
    }
}
