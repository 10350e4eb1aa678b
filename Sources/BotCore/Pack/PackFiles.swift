/// The on-disk shapes of the pack's YAML files, decoded with Yams.

/// A text in both answer languages.
struct LocalizedTextSpec: Codable, Sendable {
    var id: String?
    var en: String?
}

/// A list of texts in both languages.
struct LocalizedListSpec: Codable, Sendable {
    var id: [String]?
    var en: [String]?
}

/// `pack.yaml`: the pack's name, source citation and matcher settings.
struct PackSpec: Codable, Sendable {
    var name: String
    var source: LocalizedTextSpec
    var fallbackIntent: String
    var clarify: LocalizedTextSpec
    var matcher: MatcherSettings
    var followups: FollowUpDefaultsSpec
    /// The refusal naming an unknown thing, with `{x}`.
    var fallbackNamed: LocalizedTextSpec?

    enum CodingKeys: String, CodingKey {
        case name, source, clarify, matcher, followups
        case fallbackIntent = "fallback_intent"
        case fallbackNamed = "fallback_named"
    }
}

/// Where follow-ups go when the conversation gives no better target, from `pack.yaml`.
struct FollowUpDefaultsSpec: Codable, Sendable {
    /// "kalau KOL?" without context: topic -> intent.
    var topic: [String: String]
    /// "contohnya?": last topic (or `none`) -> intent.
    var example: [String: String]
    /// "lanjut" without context.
    var start: String
    /// "maksudnya?" without context.
    var empty: String
}

/// Settings of the matcher, from `pack.yaml`.
public struct MatcherSettings: Codable, Sendable, Equatable {
    /// Under this calibrated confidence the bot falls back.
    public var threshold: Double
    /// Under this gap between the two best raw scores the bot asks which intent was meant.
    public var margin: Double
    /// Weight of whole-word features.
    public var wordWeight: Double
    /// Weight of character n-gram features.
    public var charWeight: Double
    /// Factor on the weight of features never seen in training (they lower the cosine of unfamiliar text).
    public var unknownWeight: Double
    /// Weight of the "unseen intent" negatives when fitting the confidence model.
    public var unseenWeight: Double

    enum CodingKeys: String, CodingKey {
        case threshold, margin
        case wordWeight = "word_weight"
        case charWeight = "char_weight"
        case unknownWeight = "unknown_weight"
        case unseenWeight = "unseen_weight"
    }
}

/// `facts.yaml`: the fact ids of facts.md with one-line summaries.
struct FactsSpec: Codable, Sendable {
    struct Fact: Codable, Sendable {
        var id: String
        var summary: String
    }
    var facts: [Fact]
}

/// `lexicon.yaml`: slang, abbreviations, synonyms, fillers, stemming exceptions, language hints.
struct LexiconSpec: Codable, Sendable {
    /// Slang or abbreviation (one or more words) to its standard form (zero or more words).
    var replace: [String: String]
    /// Canonical word to its variants.
    var synonyms: [String: [String]]
    /// Filler words dropped before matching.
    var drop: [String]
    /// Words the affix stripper must leave alone.
    var keep: [String]
    /// Words that hint at a language.
    var language: [String: [String]]
}

/// `entities.yaml`: slot values and the words that name them.
struct EntitiesSpec: Codable, Sendable {
    var topic: [String: [String]]
    var ordinal: [String: [String]]
    var platform: [String: [String]]
    /// Nouns after which a digit counts things ("5 perbedaan") rather than naming one.
    var countedNouns: [String]

    enum CodingKeys: String, CodingKey {
        case topic, ordinal, platform
        case countedNouns = "counted_nouns"
    }
}

/// One intent in `intents/*.yaml`.
struct IntentSpec: Codable, Sendable {
    var name: String
    var question: LocalizedTextSpec?
    var group: String?
    var slots: SlotSpec?
    var facts: [String]?
    var phrases: LocalizedListSpec?
    var answers: LocalizedTextSpec?
    var suggestions: [String]?
    /// For follow-up intents: the kind of follow-up (topic, example, next, previous, ordinal, repeat, english, indonesian, reset).
    var followup: String?
    /// For answer intents: where a follow-up goes after this answer (kind or topic -> intent).
    var then: [String: String]?
}

/// Slot values an intent stands for.
struct SlotSpec: Codable, Sendable {
    var topic: String?
    var aspect: String?
    var ordinal: Int?
}

/// A file of intents.
struct IntentFileSpec: Codable, Sendable {
    var intents: [IntentSpec]
}
