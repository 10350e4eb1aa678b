/// The verdict an answer to a yes/no question leads with.
public enum Polarity: String, Sendable, Hashable, Codable, CaseIterable {
    /// The article's facts say yes.
    case yes
    /// The article's facts say no.
    case no
    /// The article does not say.
    case unknown
}
