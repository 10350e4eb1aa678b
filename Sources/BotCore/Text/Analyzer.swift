/// One message taken apart: cleaned words, lexicon-normalised words (after one-letter typos in unknown
/// words are corrected), stems, entities, language.
struct Analysis: Sendable {
    /// Lowercase tokens before the lexicon.
    var cleaned: [String]
    /// `cleaned` with one-letter typos in unknown words corrected (what question forms are read on).
    var tokens: [String]
    /// Tokens after slang, abbreviations and synonyms were replaced.
    var words: [String]
    /// `words` after affix stripping: what the matcher sees.
    var stems: [String]
    /// Slot values found in `words`.
    var entities: Entities
    /// The language the message is written in, when it can be told.
    var language: Language?
}

/// Turns raw text into an ``Analysis`` with the pack's lexicon and entities.
struct Analyzer: Sendable {
    let lexicon: Lexicon
    let recognizer: EntityRecognizer
    let detector: LanguageDetector
    let corrector: SpellingCorrector

    init(lexicon: Lexicon, recognizer: EntityRecognizer, corrector: SpellingCorrector) {
        self.lexicon = lexicon
        self.recognizer = recognizer
        self.corrector = corrector
        self.detector = LanguageDetector(hints: lexicon.languageHints)
    }

    /// Analyses one message.
    func analyze(_ text: String) -> Analysis {
        let cleaned = TextCleaner.tokens(text)
        var corrected = cleaned
        for index in corrected.indices {
            if let correction = corrector.correction(of: corrected[index]) { corrected[index] = correction }
        }
        let words = lexicon.apply(corrected)
        var stems: [String] = []
        stems.reserveCapacity(words.count)
        for word in words { stems.append(lexicon.stemmer.stem(word)) }
        return Analysis(
            cleaned: cleaned,
            tokens: corrected,
            words: words,
            stems: stems,
            entities: recognizer.recognize(words),
            language: detector.detect(cleaned)
        )
    }
}
