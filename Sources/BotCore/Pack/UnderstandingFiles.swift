/// The on-disk shapes of `understanding.yaml` and `yesno.yaml`, decoded with Yams.

/// `understanding.yaml`: question forms, aspects, out-of-scope words, definition frames and the routes
/// from (entity, aspect, form) to intents.
struct UnderstandingSpec: Codable, Sendable {
    var forms: FormsSpec
    var fillers: [String]
    var functionWords: [String]
    var pronouns: [String]
    var predicates: [String]
    var languageSwitch: [String: [String]]
    var aspects: [AspectSpec]
    var moves: [MoveSpec]
    var qualifiers: [String]
    var foreign: [String]
    var otherPlatforms: [String]
    var definitionFrames: DefinitionFramesSpec
    var matcherAspects: [String]
    var routes: [RouteSpec]

    enum CodingKeys: String, CodingKey {
        case forms, fillers, pronouns, predicates, aspects, moves, qualifiers, foreign, routes
        case functionWords = "function_words"
        case languageSwitch = "language_switch"
        case otherPlatforms = "other_platforms"
        case definitionFrames = "definition_frames"
        case matcherAspects = "matcher_aspects"
    }

    /// Every word the file names (for the spelling corrector's vocabulary).
    var allTexts: [String] {
        var texts = forms.allTexts + fillers + functionWords + pronouns + predicates + qualifiers + foreign + otherPlatforms
        texts += languageSwitch.values.sorted { $0.joined() < $1.joined() }.flatMap { $0 }
        texts += definitionFrames.before + definitionFrames.after + definitionFrames.ignore
        for aspect in aspects { texts += (aspect.strong ?? []) + (aspect.cues ?? []) + (aspect.weak ?? []) }
        for move in moves { texts += move.cues }
        return texts
    }
}

/// The question forms: cue words per form, yes/no cues by position.
struct FormsSpec: Codable, Sendable {
    var yesno: YesNoFormSpec
    var why: [String]
    var how: [String]
    var definition: [String]
    var list: [String]
    var compare: [String]
    /// Comparison words that name the article's topic on their own ("bedanya?").
    var compareNouns: [String]
    var `where`: [String]
    var followup: [String]
    var questionWords: [String]

    enum CodingKeys: String, CodingKey {
        case yesno, why, how, definition, list, compare, `where`, followup
        case questionWords = "question_words"
        case compareNouns = "compare_nouns"
    }

    var allTexts: [String] {
        yesno.first + yesno.last + yesno.anywhere + yesno.requests + yesno.choice + why + how + definition + list
            + compare + compareNouns + `where` + followup + questionWords
    }
}

/// Where yes/no questions show: first words, a tag at the end, cues anywhere; and what cancels them.
struct YesNoFormSpec: Codable, Sendable {
    var first: [String]
    var last: [String]
    var anywhere: [String]
    /// Words after a first auxiliary that make a request ("can you ...").
    var requests: [String]
    /// Words that join two alternatives ("online or offline?").
    var choice: [String]
}

/// One aspect with its cue words in three weights.
struct AspectSpec: Codable, Sendable {
    var name: String
    var strong: [String]?
    var cues: [String]?
    var weak: [String]?
}

/// A conversation move (small talk or a follow-up) with the intent it answers with and its cue words.
struct MoveSpec: Codable, Sendable {
    var name: String
    var intent: String
    var cues: [String]
}

/// "apa itu X" frames.
struct DefinitionFramesSpec: Codable, Sendable {
    var before: [String]
    var after: [String]
    var ignore: [String]
}

/// One row of the routing table.
struct RouteSpec: Codable, Sendable {
    var entity: String?
    var aspect: String?
    var form: String?
    var intent: String
}

/// `yesno.yaml`: the verdicts' lead texts and the claims that decide them.
struct YesNoSpec: Codable, Sendable {
    var leads: [String: LocalizedTextSpec]
    var claims: [ClaimSpec]

    /// Every word the claims name (for the spelling corrector's vocabulary).
    var allTexts: [String] { claims.flatMap { ($0.when ?? []).flatMap { $0 } }.filter { !$0.hasPrefix("$") } }
}

/// One claim: when every group has a word in the message, the verdict is `polarity`.
struct ClaimSpec: Codable, Sendable {
    var intent: String
    var when: [[String]]?
    var polarity: String
}
