/// The on-disk shapes of `understanding.yaml` and `yesno.yaml`, decoded with Yams.

/// `understanding.yaml`: question forms, aspects, out-of-scope words, definition frames and the routes
/// from (entity, aspect, form) to intents.
struct UnderstandingSpec: Codable, Sendable {
    var forms: FormsSpec
    var fillers: [String]
    var functionWords: [String]
    var pronouns: [String]
    /// "dia", "he": the conversation's side when it has one.
    var singularPronouns: [String]?
    /// "aku", "I", "my": the user speaking of themselves, perhaps setting a scene before the question.
    var firstPerson: [String]?
    /// "kamu", "you": the user speaking to the bot ("kamu suka kopi ga?" asks nothing of the last answer).
    var secondPerson: [String]?
    /// "about", "tentang": what a difference is said to be about ("Is the third difference about age?").
    var aboutWords: [String]?
    /// "even though", "meskipun": a follow-up conceding something to the last yes/no question, which it asks again.
    var concessive: [String]?
    var predicates: [String]
    /// "jadi", "become", "find": after a first-person word and before a side, the user asks how to become or find one.
    var becoming: BecomingSpec?
    /// "siapa ... paling ...": a ranking of people, which the article never gives.
    var rankings: RankingSpec?
    /// "mana yang ... lebih ...": which of the two sides has more of something, a comparison.
    var whichMore: WhichMoreSpec?
    /// Titles before a name ("dr. Tirta", "dr tirta"), and the words after which a title starts the subject.
    var names: NamesSpec?
    /// "translate 'selamat pagi' into English": text of the user's own to translate, which is no question about
    /// the article (translating the last answer or a side's name is).
    var translations: TranslationSpec?
    /// "karena", "because": the aspects named after it give a reason, they are not what is asked about.
    var because: [String]?
    /// Pairs of aspects that share words: a follow-up with a weak cue of one stays with the other.
    var aspectNeighbours: [[String]]?
    /// "eh maksudku", "I mean": the side or ordinal after it replaces the one before it.
    var corrections: [String]?
    /// "di situ", "on that point": the aspect of the last answer, asked about again.
    var aspectAnaphora: [String]?
    /// "the other side", "kebalikannya": the side the last answer was not about, of the same aspect.
    var otherSide: [String]?
    /// "kredibilitas", "reach": nouns that name an aspect; a message of nothing but these, sides and grammar
    /// words asks about a topic ("kredibilitas KOL vs influencer?"), not yes or no.
    var topicNouns: [String]?
    /// "jelaskan", "explain": beside topic nouns and sides they ask about the topic too ("boleh dijelaskan
    /// pengertian influencer?"), not yes or no.
    var topicRequests: [String]?
    var languageSwitch: [String: [String]]
    var aspects: [AspectSpec]
    var moves: [MoveSpec]
    var qualifiers: [String]
    var foreign: [String]
    /// Roles the article does not describe (celebrity, brand ambassador, KOC): out of scope wherever named.
    var otherRoles: [String]?
    /// Kinds of a side the article does not describe ("micro", "nano"): out of scope right beside a side's name.
    var sideQualifiers: [String]?
    /// Words that name one side of an aspect ("sisi KOL-nya", "the influencer side").
    var sideWords: [String]?
    /// Words before the side something is likened to ("punya pekerjaan full-time seperti KOL?"): the question is
    /// about the other side.
    var likeness: [String]?
    /// Words that open a sentence acknowledging the last answer ("Oh kerja tetap ya."): it sets the scene.
    var acknowledgements: [String]?
    /// Names of places: known words, never someone the article does not name ("cuma dikenal di Surabaya").
    var places: [String]?
    /// Words that make a step relative to the ordinal named ("yang sebelum nomor empat", "the one after the second"),
    /// under `next` and `previous`.
    var relativeSteps: [String: [String]]?
    var otherPlatforms: [String]
    var definitionFrames: DefinitionFramesSpec
    var matcherAspects: [String]
    var routes: [RouteSpec]

    enum CodingKeys: String, CodingKey {
        case forms, fillers, pronouns, predicates, becoming, because, rankings, names, translations, aspects, moves, qualifiers, foreign, routes, corrections
        case aspectAnaphora = "aspect_anaphora"
        case otherSide = "other_side"
        case topicNouns = "topic_nouns"
        case topicRequests = "topic_requests"
        case aspectNeighbours = "aspect_neighbours"
        case whichMore = "which_more"
        case functionWords = "function_words"
        case singularPronouns = "singular_pronouns"
        case firstPerson = "first_person"
        case secondPerson = "second_person"
        case aboutWords = "about_words"
        case concessive
        case languageSwitch = "language_switch"
        case otherRoles = "other_roles"
        case sideQualifiers = "side_qualifiers"
        case sideWords = "side_words"
        case relativeSteps = "relative_steps"
        case likeness, acknowledgements
        case places
        case otherPlatforms = "other_platforms"
        case definitionFrames = "definition_frames"
        case matcherAspects = "matcher_aspects"
    }

    /// Every text the file names but the out-of-scope phrases (`foreign`): the spelling corrector's vocabulary.
    var topicTexts: [String] {
        var texts = forms.allTexts + fillers + functionWords + pronouns + predicates + qualifiers + otherPlatforms
        texts += (otherRoles ?? []) + (sideQualifiers ?? []) + (sideWords ?? []) + (singularPronouns ?? []) + (firstPerson ?? []) + (secondPerson ?? []) + (aboutWords ?? []) + (concessive ?? [])
        texts += (becoming.map { $0.subjects + $0.phrases } ?? []) + (aspectAnaphora ?? []) + (otherSide ?? []) + (because ?? []) + (topicNouns ?? []) + (topicRequests ?? [])
            + (corrections ?? []) + (places ?? []) + (likeness ?? []) + (acknowledgements ?? [])
        texts += rankings.map { $0.askers + $0.superlatives + ($0.quantifiers ?? []) + ($0.kindBefore ?? []) + ($0.kindAfter ?? []) } ?? []
        texts += names?.askers ?? []
        texts += translations.map { $0.verbs + $0.own } ?? []
        texts += whichMore.map { $0.which + $0.more } ?? []
        texts += languageSwitch.values.sorted { $0.joined() < $1.joined() }.flatMap { $0 }
        texts += definitionFrames.before + definitionFrames.after + definitionFrames.ignore + (definitionFrames.settings ?? [])
            + (definitionFrames.undefined ?? [])
        for aspect in aspects { texts += (aspect.strong ?? []) + (aspect.cues ?? []) + (aspect.weak ?? []) }
        for move in moves { texts += move.cues }
        return texts
    }
}

/// "mana yg reach-nya lbh luas": a phrase asking which one (`which`) and a comparative (`more`), in the words as
/// written.
struct WhichMoreSpec: Codable, Sendable {
    var which: [String]
    var more: [String]
}

/// `verbs` asking to translate, and the words after them (`own`) that name what the bot said ("translate that").
/// Any other word after the verb, but a side's name, is text of the user's own.
struct TranslationSpec: Codable, Sendable {
    var verbs: [String]
    var own: [String]
}

/// `titles` before a name; `subject_openers`: words after which a title starts the question's subject.
/// `askers`: words asking who someone is, before two words the pack never saw ("siapa atta halilintar?").
struct NamesSpec: Codable, Sendable {
    var titles: [String]
    var subjectOpeners: [String]
    var askers: [String]?

    enum CodingKeys: String, CodingKey {
        case titles, askers
        case subjectOpeners = "subject_openers"
    }
}

/// "Siapa KOL yang paling dipercaya?": a word asking for people (`askers`) and a superlative.
/// "which country has the most influencers?", "aplikasi mana yang paling bagus?": a word asking which thing of a
/// kind, before the kind (`kind_before`) or after it (`kind_after`), and a superlative, as written; one of
/// `quantifiers` ("most", also "most of them") ranks things only after "the".
struct RankingSpec: Codable, Sendable {
    var askers: [String]
    var superlatives: [String]
    var quantifiers: [String]?
    var kindBefore: [String]?
    var kindAfter: [String]?

    enum CodingKeys: String, CodingKey {
        case askers, superlatives, quantifiers
        case kindBefore = "kind_before"
        case kindAfter = "kind_after"
    }
}

/// "aku bisa jadi KOL": who asks (`subjects`) and the words before the side (`phrases`).
struct BecomingSpec: Codable, Sendable {
    var subjects: [String]
    var phrases: [String]
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
    /// Definition words that ask for the meaning of what they name ("definisinya", "meaning"): beside a side
    /// and a weak aspect they make a definition question ("trend-setter, maksudnya bagaimana?").
    var definitionNouns: [String]?
    /// Words that join the two things compared ("than", "dengan", "vs"): a side compared with an unknown thing
    /// ("KOLs more than ads") asks about something else.
    var comparisonLinks: [String]?
    /// Comparison words that describe the noun right after them ("different regions", "so many different
    /// platforms") rather than compare.
    var compareAdjectives: [String]?
    var `where`: [String]
    var followup: [String]
    var questionWords: [String]
    /// Words asking when: the article gives no dates or times.
    var when: WhenFormSpec?

    enum CodingKeys: String, CodingKey {
        case yesno, why, how, definition, list, compare, `where`, followup, when
        case questionWords = "question_words"
        case compareNouns = "compare_nouns"
        case definitionNouns = "definition_nouns"
        case comparisonLinks = "comparison_links"
        case compareAdjectives = "compare_adjectives"
    }

    var allTexts: [String] {
        yesno.first + yesno.last + yesno.anywhere + yesno.requests + (yesno.generic ?? []) + (yesno.gapped.map { $0.verbs + $0.tags } ?? []) + yesno.choice + (yesno.either ?? []) + (yesno.contrasts ?? []) + (yesno.afterFollowup ?? []) + why + how
            + definition + (definitionNouns ?? []) + (comparisonLinks ?? []) + (compareAdjectives ?? []) + list + compare + compareNouns + `where` + followup + questionWords
            + (when.map { $0.anywhere + $0.beforeOpener + $0.notBefore } ?? [])
    }
}

/// A question about when: `anywhere` in the message unless one of `notBefore` follows ("kapan saja" is any
/// time); `beforeOpener` only before a yes/no opener (`yesno.first`: "when did ...", not "when it comes to ...").
struct WhenFormSpec: Codable, Sendable {
    var anywhere: [String]
    var beforeOpener: [String]
    var notBefore: [String]

    enum CodingKeys: String, CodingKey {
        case anywhere
        case beforeOpener = "before_opener"
        case notBefore = "not_before"
    }
}

/// Verbs that ask yes or no with a negation tag a word or two after them.
struct GappedTagSpec: Codable, Sendable {
    var verbs: [String]
    var tags: [String]
}

/// Where yes/no questions show: first words, a tag at the end, cues anywhere; and what cancels them.
struct YesNoFormSpec: Codable, Sendable {
    var first: [String]
    var last: [String]
    var anywhere: [String]
    /// Words after a first auxiliary that make a request ("can you ...").
    var requests: [String]
    /// After such a word, these make the question general again ("do you need a PhD to ...?").
    var generic: [String]?
    /// A verb, a word or two, then a negation tag: "ada kesamaan gak ...", "bisa terkenal nggak di luar negeri".
    var gapped: GappedTagSpec?
    /// Words that join two alternatives ("online or offline?").
    var choice: [String]
    /// Before "or", these keep a yes/no question one: "can either an influencer or a KOL have fans worldwide?".
    var either: [String]?
    /// After an auxiliary ("is", "apakah"), "or" makes a choice only before one of these words or a side
    /// ("online or offline?", "a KOL or an influencer?"); else it joins the object of a yes/no question
    /// ("limited to a region or a country?").
    var contrasts: [String]?
    /// After a follow-up opener, the only tags that make a yes/no question ("kalau YouTube termasuk?").
    var afterFollowup: [String]?
    /// Openings that ask whether something is the reason a side is followed ("apakah karena ...", "is that why ...").
    var reason: [String]?

    enum CodingKeys: String, CodingKey {
        case first, last, anywhere, requests, generic, gapped, choice, either, contrasts, reason
        case afterFollowup = "after_followup"
    }
}

/// One aspect with its cue words in three weights.
struct AspectSpec: Codable, Sendable {
    var name: String
    var strong: [String]?
    var cues: [String]?
    var weak: [String]?
    /// A question about this aspect is answered even when it names something out of scope: the answer
    /// itself says what the article does not cover ("is the fifth difference about pay?").
    var coversUnknown: Bool?

    enum CodingKeys: String, CodingKey {
        case name, strong, cues, weak
        case coversUnknown = "covers_unknown"
    }
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
    /// Words that put the side defined somewhere: "apa itu influencer di media sosial?" asks for the definition.
    var settings: [String]?
    /// Names the article mentions but never defines: "apa itu Kantamedia?" is refused.
    var undefined: [String]?
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
    /// Words that, just before a claim's word, turn its verdict round ("KOL nggak harus aktif di media sosial?").
    var negations: [String]?
    /// Words after which a negation only asks the question ("boleh nggak", "or not").
    var negationTags: [String]?
    /// Negations that open a question and only ask it ("aren't they the same?", "bukankah ...").
    var negationOpeners: [String]?
    /// Subjects after which an opening negation only asks ("isn't it", "aren't they").
    var negationSubjects: [String]?
    /// Words after which a negation restricts rather than denies ("not only", "bukan cuma").
    var restrictives: [String]?
    /// Words that end a question without meaning anything ("..., ga sih?", "kan", "right").
    var questionTails: [String]?
    /// Openings that ask whether what follows is true ("isn't it true that ...").
    var questionOpeners: [String]?

    enum CodingKeys: String, CodingKey {
        case leads, claims, negations, restrictives
        case negationTags = "negation_tags"
        case negationOpeners = "negation_openers"
        case questionTails = "question_tails"
        case negationSubjects = "negation_subjects"
        case questionOpeners = "question_openers"
    }

    /// Every word the claims name (for the spelling corrector's vocabulary).
    var allTexts: [String] {
        claims.flatMap { ($0.when ?? []).flatMap { $0 } }.filter { !$0.hasPrefix("$") } + (negations ?? []) + (negationTags ?? [])
            + (negationOpeners ?? []) + (restrictives ?? []) + (questionTails ?? []) + (negationSubjects ?? [])
            + (questionOpeners ?? [])
    }
}

/// One claim: when every group has a word in the message, the verdict is `polarity`.
struct ClaimSpec: Codable, Sendable {
    var intent: String
    var when: [[String]]?
    var polarity: String
}
