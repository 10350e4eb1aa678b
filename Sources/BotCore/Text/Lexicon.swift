/// The compiled lexicon: replacements of slang, abbreviations and synonyms by standard words,
/// dropped fillers, stemming exceptions and language hint words.
struct Lexicon: Sendable {
    /// Word sequences to their standard replacement (empty = drop).
    let replacements: PhraseTable<[String]>
    /// Words that hint at a language.
    let languageHints: PhraseTable<Language>
    /// The affix stripper.
    let stemmer: Stemmer

    init(spec: LexiconSpec) {
        var table = PhraseTable<[String]>()
        for word in spec.drop {
            table.insert(TextCleaner.tokens(word), value: [])
        }
        for (canonical, variants) in spec.synonyms.sorted(by: { $0.key < $1.key }) {
            let target = TextCleaner.tokens(canonical)
            for variant in variants {
                table.insert(TextCleaner.tokens(variant), value: target)
            }
        }
        for (from, to) in spec.replace.sorted(by: { $0.key < $1.key }) {
            table.insert(TextCleaner.tokens(from), value: TextCleaner.tokens(to))
        }
        // Resolve chains once ("bedanya" -> "beda" -> "perbedaan"), so the result is stable.
        var resolved = PhraseTable<[String]>()
        for (key, value) in table.entries.sorted(by: { $0.key < $1.key }) {
            resolved.insert(key.split(separator: " ").map(String.init), value: Self.apply(value, table: table))
        }
        replacements = resolved
        var hints: [String: Language] = [:]
        for (code, words) in spec.language {
            guard let language = Language(rawValue: code) else { continue }
            for word in words {
                for token in TextCleaner.tokens(word) { hints[token] = language }
            }
        }
        var hintTable = PhraseTable<Language>()
        for (word, language) in hints.sorted(by: { $0.key < $1.key }) { hintTable.insert([word], value: language) }
        languageHints = hintTable
        stemmer = Stemmer(keep: WordSet(spec.keep.flatMap(TextCleaner.tokens)))
    }

    /// `tokens` with every lexicon entry replaced by its standard form.
    func apply(_ tokens: [String]) -> [String] {
        Self.apply(tokens, table: replacements)
    }

    private static func apply(_ tokens: [String], table replacements: PhraseTable<[String]>) -> [String] {
        var result: [String] = []
        result.reserveCapacity(tokens.count + 2)
        var index = 0
        while index < tokens.count {
            if let match = replacements.longestMatch(in: tokens, at: index) {
                result.append(contentsOf: match.value)
                index += match.length
            } else if let base = withoutNya(tokens[index]), let value = replacements.value(forWord: base) {
                result.append(contentsOf: value) // "sosmednya" -> "media sosial"
                index += 1
            } else {
                result.append(tokens[index])
                index += 1
            }
        }
        return result
    }

    /// The word without a trailing possessive "-nya" / "-ny", if it has one and stays long enough.
    static func withoutNya(_ word: String) -> String? {
        let count = word.utf8.count
        guard count >= 6 else { return nil }
        if word.hasSuffix("nya") { return String(word.dropLast(3)) }
        if word.hasSuffix("ny") { return String(word.dropLast(2)) }
        return nil
    }
}
