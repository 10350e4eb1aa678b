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
        Self.addSpellings(to: &table)
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
    /// The most variants one phrase gets from ``addSpellings(to:)``.
    static let maximumSpellings = 64

    /// Every phrase of several words also under the spellings of its words: with "kei" -> "key" and
    /// "lider" -> "leader", "key opinion leader" is found as "kei opinion lider" too (the table is applied
    /// once, left to right, so a phrase would not see its words' replacements).
    private static func addSpellings(to table: inout PhraseTable<[String]>) {
        var spellings: [String: [String]] = [:]
        for (key, value) in table.entries where value.count == 1 && !key.contains(" ") {
            spellings[value[0], default: []].append(key)
        }
        for (key, value) in table.entries.sorted(by: { $0.key < $1.key }) where key.contains(" ") {
            var variants: [[String]] = [[]]
            for word in key.split(separator: " ").map(String.init) {
                let choices = [word] + (spellings[word] ?? []).sorted()
                variants = variants.flatMap { prefix in choices.map { prefix + [$0] } }
                if variants.count > maximumSpellings { variants = Array(variants.prefix(maximumSpellings)) }
            }
            for variant in variants where table.value(for: variant.joined(separator: " ")) == nil {
                table.insert(variant, value: value)
            }
        }
    }

    func apply(_ tokens: [String]) -> [String] {
        var result: [String] = []
        result.reserveCapacity(tokens.count + 2)
        Self.apply(tokens, table: replacements, into: &result)
        return result
    }

    /// `tokens` with every lexicon entry replaced, in `result` (emptied first; its storage is reused).
    func apply(_ tokens: [String], into result: inout [String]) {
        result.removeAll(keepingCapacity: true)
        Self.apply(tokens, table: replacements, into: &result)
    }

    /// `tokens` (with their ``WordHash`` values `hashes`) with every lexicon entry replaced, in `result` with
    /// their hashes in `resultHashes` (both emptied first; their storage is reused).
    func apply(_ tokens: [String], hashes: [UInt64], into result: inout [String], hashes resultHashes: inout [UInt64]) {
        result.clearKeepingCapacity()
        resultHashes.clearKeepingCapacity()
        var index = 0
        while index < tokens.count {
            if let match = replacements.longestMatch(in: tokens, hashes: hashes, at: index) {
                for word in match.value {
                    result.append(word)
                    resultHashes.append(WordHash.of(word))
                }
                index += match.length
                continue
            }
            if let base = Self.withoutNya(tokens[index]), let value = replacements.value(forWord: base) {
                for word in value { // "sosmednya" -> "media sosial"
                    result.append(word)
                    resultHashes.append(WordHash.of(word))
                }
            } else {
                result.append(tokens[index])
                resultHashes.append(hashes[index])
            }
            index += 1
        }
    }

    private static func apply(_ tokens: [String], table replacements: PhraseTable<[String]>) -> [String] {
        var result: [String] = []
        result.reserveCapacity(tokens.count + 2)
        apply(tokens, table: replacements, into: &result)
        return result
    }

    private static func apply(_ tokens: [String], table replacements: PhraseTable<[String]>, into result: inout [String]) {
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
    }

    /// The word without a trailing possessive "-nya" / "-ny", if it has one and stays long enough.
    static func withoutNya(_ word: String) -> String? {
        word.withBytes { bytes -> String? in
            let count = bytes.count
            guard count >= 6 else { return nil }
            let suffix: Int
            if bytes[count - 3] == 110, bytes[count - 2] == 121, bytes[count - 1] == 97 {
                suffix = 3 // -nya
            } else if bytes[count - 2] == 110, bytes[count - 1] == 121 {
                suffix = 2 // -ny
            } else {
                return nil
            }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[0..<(count - suffix)]), as: UTF8.self)
        }
    }
}
