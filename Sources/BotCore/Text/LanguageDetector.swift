/// Tells Indonesian from English by counting hint words; nil when the text gives no clear sign.
struct LanguageDetector: Sendable {
    let hints: PhraseTable<Language>

    /// The language of the cleaned `tokens`, or nil when too short or balanced to tell.
    func detect(_ tokens: [String]) -> Language? {
        var votes = Votes()
        for token in tokens { votes.count(hints.value(forWord: token)) }
        return votes.language
    }

    /// The language `word` (whose ``WordHash`` is `hash`) hints at, if any.
    @inline(__always)
    func hint(_ word: String, hash: UInt64) -> Language? { hints.value(forWord: word, hash: hash) }

    /// Hints counted per language.
    struct Votes {
        var indonesian = 0
        var english = 0

        mutating func count(_ hint: Language?) {
            switch hint {
            case .indonesian?: indonesian += 1
            case .english?: english += 1
            case nil: break
            }
        }

        /// The language with more hints, or nil when balanced.
        var language: Language? {
            if english > indonesian { return .english }
            if indonesian > english { return .indonesian }
            return nil
        }
    }
}
