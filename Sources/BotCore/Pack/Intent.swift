/// The slot values an intent stands for (e.g. difference number 2, aspect credibility).
public struct Slots: Sendable, Equatable, Hashable {
    /// `influencer`, `kol` or `both`.
    public var topic: String?
    /// `media`, `credibility`, `reach`, `daily` or `fifth`.
    public var aspect: String?
    /// 1 ... 5.
    public var ordinal: Int?

    /// Creates slot values.
    public init(topic: String? = nil, aspect: String? = nil, ordinal: Int? = nil) {
        self.topic = topic
        self.aspect = aspect
        self.ordinal = ordinal
    }
}

/// One thing the bot can be asked, with its training phrases and answers.
public struct Intent: Sendable {
    /// Unique name, e.g. `definition.kol`.
    public let name: String
    /// A typical question for this intent per language, used in suggestions and clarifications.
    public let question: [Language: String]
    /// Intents of one group (e.g. `difference`) are routed among by slots.
    public let group: String?
    /// The slot values this intent stands for.
    public let slots: Slots
    /// Ids of the facts the answer rests on.
    public let facts: [String]
    /// Training phrases per language.
    public let phrases: [Language: [String]]
    /// The answer per language.
    public let answers: [Language: String]
    /// Names of intents suggested after this answer.
    public let suggestions: [String]
    /// The kind of follow-up this intent is, if any (answered from conversation state).
    public let followUp: String?
    /// Where a follow-up goes after this answer: follow-up kind or topic to intent name.
    public let then: [String: String]
}
