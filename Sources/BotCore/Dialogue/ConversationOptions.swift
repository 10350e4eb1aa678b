/// Tunables of a ``ConversationEngine``.
public struct ConversationOptions: Sendable, Equatable {
    /// Seconds of inactivity after which a user's state is forgotten.
    public var idleExpiry: Double
    /// The most users kept; the least recently active is evicted beyond it.
    public var maxUsers: Int
    /// The language when neither the caller, the message nor the user's history tells.
    public var defaultLanguage: Language

    /// Creates options; defaults: 30 minutes, 1,000,000 users, Indonesian.
    public init(idleExpiry: Double = 30 * 60, maxUsers: Int = 1_000_000, defaultLanguage: Language = .indonesian) {
        self.idleExpiry = idleExpiry
        self.maxUsers = maxUsers
        self.defaultLanguage = defaultLanguage
    }
}
