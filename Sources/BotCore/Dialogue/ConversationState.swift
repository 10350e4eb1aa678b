/// What the engine remembers about one user between questions.
public struct ConversationState: Sendable, Equatable {
    /// The language of the last answer.
    public var language: Language?
    /// The last answered intent.
    public var lastIntent: String?
    /// Seconds since the epoch of the last question.
    public var lastActivity: Double

    /// Creates a state.
    public init(language: Language? = nil, lastIntent: String? = nil, lastActivity: Double = 0) {
        self.language = language
        self.lastIntent = lastIntent
        self.lastActivity = lastActivity
    }
}
