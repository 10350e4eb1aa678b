// LOCAL ONLY — never committed. Stand-in with the agreed API until the core branch lands.
public struct KnowledgePack: Sendable {
    public static func load(directory: String) throws -> KnowledgePack { KnowledgePack() }
}
public final class ConversationEngine {
    public init(pack: KnowledgePack) {}
    public func reply(to text: String, user: String, language: Language? = nil) -> Reply {
        Reply(text: "echo: \(text)", intent: "echo", confidence: 1, language: language ?? .indonesian, isFallback: false)
    }
}
public enum EvaluationPhrases { public static func load(directory: String) throws -> [String] { ["apa itu KOL?"] } }
