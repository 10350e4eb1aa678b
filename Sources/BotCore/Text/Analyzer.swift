/// One message taken apart: cleaned words, lexicon-normalised words (after one-letter typos in unknown
/// words are corrected), stems, entities, language.
struct Analysis: Sendable {
    /// Lowercase tokens before the lexicon, with one-letter typos in unknown words corrected (what question
    /// forms are read on).
    var tokens: [String] = []
    /// Tokens after slang, abbreviations and synonyms were replaced.
    var words: [String] = []
    /// `words` after affix stripping: what the matcher sees.
    var stems: [String] = []
    /// The ``WordHash`` of every token, word and stem, computed once for all the tables they are looked up in.
    var tokenHashes: [UInt64] = []
    var wordHashes: [UInt64] = []
    var stemHashes: [UInt64] = []
    /// Slot values found in `words`.
    var entities = Entities()
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
        var analysis = Analysis()
        analyze(text, into: &analysis, memo: nil)
        return analysis
    }

    /// Analyses one message into `analysis`, reusing the storage of its arrays (no allocation once they are
    /// large enough). `memo` remembers the corrections and stems of the words seen lately.
    func analyze(_ text: String, into analysis: inout Analysis, memo: AnalysisMemo?) {
        TextCleaner.tokens(text, into: &analysis.tokens, hashes: &analysis.tokenHashes, vocabulary: corrector.vocabulary)
        var votes = LanguageDetector.Votes()
        var splits: [(index: Int, words: [String])] = []
        for index in analysis.tokens.indices {
            let token = analysis.tokens[index]
            let hash = analysis.tokenHashes[index]
            let hint = detector.hint(token, hash: hash)
            var correction: String?
            if corrector.mightCorrect(token, hash: hash) {
                if let remembered = memo?.corrections.remembered(token, hash: hash) {
                    correction = remembered
                } else {
                    // A word not corrected may be several written together: remembered as the words and spaces.
                    correction = corrector.repair(of: token)
                    memo?.corrections.remember(correction, for: token, hash: hash)
                }
            }
            guard let correction, !correction.utf8.contains(32) else {
                votes.count(hint)
                if let correction { splits.append((index, correction.split(separator: " ").map(String.init))) }
                continue
            }
            let correctedHash = WordHash.of(correction)
            // A misspelt word ("diffrence", "platfroms") hints at the language of the word it stands for.
            votes.count(hint ?? detector.hint(correction, hash: correctedHash))
            analysis.tokens[index] = correction
            analysis.tokenHashes[index] = correctedHash
        }
        // "bedainfluencer", "apaitukol": words without the spaces between them (rare: the arrays change only then).
        for (index, words) in splits.reversed() {
            analysis.tokens.replaceSubrange(index...index, with: words)
            analysis.tokenHashes.replaceSubrange(index...index, with: words.map(WordHash.of))
        }
        lexicon.apply(analysis.tokens, hashes: analysis.tokenHashes, into: &analysis.words, hashes: &analysis.wordHashes)
        analysis.stems.clearKeepingCapacity()
        analysis.stemHashes.clearKeepingCapacity()
        let stemmer = lexicon.stemmer
        for (word, hash) in zip(analysis.words, analysis.wordHashes) {
            guard stemmer.mayStrip(word) else {
                analysis.stems.append(word)
                analysis.stemHashes.append(hash)
                continue
            }
            let stem: String
            if let remembered = memo?.stems.remembered(word, hash: hash), let remembered {
                stem = remembered
            } else {
                stem = stemmer.stem(word)
                memo?.stems.remember(stem, for: word, hash: hash)
            }
            analysis.stems.append(stem)
            analysis.stemHashes.append(stem == word ? hash : WordHash.of(stem))
        }
        analysis.entities = recognizer.recognize(analysis.words, hashes: analysis.wordHashes)
        analysis.language = votes.language
    }
}
