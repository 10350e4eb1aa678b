/// The forms a question takes; one message may show several ("why ... different" is `why` and `compare`).
struct QuestionForms: OptionSet, Sendable, Hashable {
    let rawValue: UInt16

    init(rawValue: UInt16) { self.rawValue = rawValue }

    static let yesNo = QuestionForms(rawValue: 1 << 0)
    static let why = QuestionForms(rawValue: 1 << 1)
    static let how = QuestionForms(rawValue: 1 << 2)
    static let definition = QuestionForms(rawValue: 1 << 3)
    static let list = QuestionForms(rawValue: 1 << 4)
    static let compare = QuestionForms(rawValue: 1 << 5)
    static let `where` = QuestionForms(rawValue: 1 << 6)
    /// Opens a follow-up ("kalau", "what about").
    static let followUp = QuestionForms(rawValue: 1 << 7)
    /// Holds a question word (apa, what, ...).
    static let questionWord = QuestionForms(rawValue: 1 << 8)
    /// A comparison noun ("bedanya", "difference"): the article's topic even without a side named.
    static let compareNoun = QuestionForms(rawValue: 1 << 9)
    /// A definition word that asks what its neighbour means ("definisinya", "maksudnya bagaimana", "meaning").
    static let definitionNoun = QuestionForms(rawValue: 1 << 10)
    /// Asks when ("kapan", "when did"): no route's form; the reader weighs it as an out-of-scope word.
    static let when = QuestionForms(rawValue: 1 << 11)

    /// The form named in `understanding.yaml` routes (`yesno`, `why`, `how`, `definition`, `list`, `compare`, `where`).
    init?(name: String) {
        switch name {
        case "yesno": self = .yesNo
        case "why": self = .why
        case "how": self = .how
        case "definition": self = .definition
        case "list": self = .list
        case "compare": self = .compare
        case "where": self = .where
        default: return nil
        }
    }
}
