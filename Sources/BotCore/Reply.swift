/// What the conversation core answers to one question.
public struct Reply: Sendable, Equatable {
    /// The answer text, in ``language``.
    public var text: String
    /// The intent that produced the answer, e.g. `definition.kol` or `fallback`.
    public var intent: String
    /// How sure the matcher is, in 0...1.
    public var confidence: Double
    /// The language of ``text``.
    public var language: Language
    /// True when the bot did not understand the question (fallback, clarification or error).
    public var isFallback: Bool
    /// Questions the user may ask next, in ``language``.
    public var suggestions: [String]
    /// A citation of the article when the answer rests on its facts.
    public var source: String?
    /// The ids of the facts (from `facts.md`) the answer rests on.
    public var facts: [String]
    /// Set on answers to yes/no questions: the verdict the text leads with; nil otherwise.
    public var polarity: Polarity?

    /// Creates a reply.
    public init(
        text: String,
        intent: String,
        confidence: Double,
        language: Language,
        isFallback: Bool,
        suggestions: [String] = [],
        source: String? = nil,
        facts: [String] = [],
        polarity: Polarity? = nil
    ) {
        self.text = text
        self.intent = intent
        self.confidence = confidence
        self.language = language
        self.isFallback = isFallback
        self.suggestions = suggestions
        self.source = source
        self.facts = facts
        self.polarity = polarity
    }
}
