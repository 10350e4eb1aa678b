/// A language the bot answers in.
public enum Language: String, Sendable, Hashable, Codable, CaseIterable {
    /// Indonesian, the default.
    case indonesian = "id"
    /// English, for users who write English.
    case english = "en"
}
