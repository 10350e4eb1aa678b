/// What one message asks, taken apart: the entity (a side of the article), the aspect of it, the form of
/// the question, and the signs that it lies outside the article.
struct Reading: Sendable {
    /// `influencer`, `kol` or `both` (two sides named, or "keduanya"); nil when no side is named.
    var entity: String?
    /// The subject of a comparison: the side named last before its comparative word ("jangkauan KOL lebih luas dari
    /// influencer?", "KOL kerja full time, sedangkan influencer lebih banyak online?"), else the side named first;
    /// nil when every side named follows it ("is that wider than a KOL's?": the conversation's side).
    var subjectSide: String?
    /// "keduanya", "both" named the two sides (rather than each side by name).
    var bothWord = false
    /// A pronoun stands for the conversation's topic ("their reach?").
    var pronoun = false
    /// A singular pronoun ("dia", "he"): the conversation's topic, when there is one.
    var singularPronoun = false
    /// Index of the heaviest aspect in the reader's aspect names, -1 for none.
    var aspect = -1
    /// Some aspect cue occurs, perhaps only a weak one ("fans", "pengaruh").
    var hasHint = false
    /// Its weight, and whether a strong cue of the article's domain named it.
    var aspectWeight: Int16 = 0
    var aspectIsStrong = false
    /// Another aspect weighs as much (the question's own clause may tell them apart).
    var aspectTied = false
    /// Weight of out-of-scope cues (income, weather, how to become ...).
    var foreignWeight: Int16 = 0
    /// The question's forms.
    var forms: QuestionForms = []
    /// A platform the article names, or one it does not name.
    var namedPlatform = false
    var otherPlatform = false
    /// Index in the words of a platform the article does not name, else of the first word the pack never
    /// saw; -1 for none (a yes/no answer may name it: "The article does not mention Snapchat").
    var unknownAt = -1
    /// Content words that no cue, entity or grammar word accounts for; of those, the ones the pack never saw.
    var extraWords = 0
    var unknownWords = 0
    /// Two words the pack never saw side by side, as in a person's name ("Raffi Ahmad").
    var unknownPair = false
    /// The conversation move with the most cues (index in the reader's moves), -1 for none; and every
    /// move tied with it, as a bit set.
    var move = -1
    var moveTies: UInt16 = 0
    /// The move of the message's first move cue ("terima kasih, selamat malam" thanks first), -1 for none.
    var firstMove = -1
    /// An ordinal (1...5) in the message.
    var ordinal: Int?
    /// The only question word is part of a follow-up opener ("what about ...", "how about ...").
    var questionWordInOpenerOnly = false
    /// A side is named with a kind the article does not describe ("micro influencer").
    var qualifiedSide = false
    /// The message opens with a request ("can you ...", "could you ..."), not a yes/no question.
    var opensWithRequest = false
    /// The message asks whether something is the reason a side is followed ("apakah karena ...?", "is that why ...?").
    var asksReason = false
    /// Two alternatives joined by "or" ("online or offline?"): a choice, never a yes/no question.
    var isChoice = false
    /// The choice joins contrasting alternatives ("online or offline", "a KOL or an influencer").
    var choiceContrasts = false
    /// "apa itu X" / "what is X" frame found.
    var hasDefinitionFrame = false
    /// Words that point back to the last answer's aspect ("di situ", "on that point").
    var refersToLastAspect = false
    /// Words name the side the last answer was not about ("the other one", "kebalikannya").
    var otherSide = false
    /// A side is named as the side of something ("sisi KOL-nya", "the influencer side").
    var sideNamed = false

    /// True when the message names a side, an aspect or a difference: it may be about the article.
    var hasContent: Bool { entity != nil || pronoun || aspect >= 0 || forms.contains(.compareNoun) }
}
