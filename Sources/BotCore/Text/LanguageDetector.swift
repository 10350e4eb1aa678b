/// Tells Indonesian from English by counting hint words; nil when the text gives no clear sign.
struct LanguageDetector: Sendable {
    let hints: PhraseTable<Language>

    /// The language of the cleaned `tokens`, or nil when too short or balanced to tell.
    func detect(_ tokens: [String]) -> Language? {
        var indonesian = 0
        var english = 0
        for token in tokens {
            switch hints.value(forWord: token) {
            case .indonesian?: indonesian += 1
            case .english?: english += 1
            case nil: break
            }
        }
        if english > indonesian { return .english }
        if indonesian > english { return .indonesian }
        return nil
    }
}
