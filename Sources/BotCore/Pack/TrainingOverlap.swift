/// Finds evaluation turns that repeat a training phrase, so an evaluation measures generalisation
/// rather than recall.
///
/// Both sides are normalised the way the matcher sees them (cleaned, typos corrected, slang and synonyms
/// replaced, fillers dropped, affixes stripped), so "makasih kak" equals the training phrase "terima kasih".
/// A turn overlaps a phrase when
/// - it **equals** the phrase after normalisation, whatever the phrase's intent (a follow-up turn "selanjutnya
///   dong" repeats the training phrase "selanjutnya" even though the turn expects the difference it leads to); or
/// - it **nearly equals** a phrase of an intent the turn accepts: the stem sequences are at most one word
///   apart (one word added, dropped or replaced) and the longer has at least two words, or their character
///   trigrams overlap with a Jaccard index of at least 0.9 (a one-letter variant of a long phrase).
///
/// Why these bounds: one word more or less leaves almost every word and trigram feature of the matcher
/// shared, so the turn tests what was trained; two words of difference in a short question already make a
/// new wording. Near-equality is judged only against phrases of the expected intent because across
/// intents a one-word change is a different question ("perbedaan kedua" / "perbedaan ketiga"), not a leak.
struct TrainingOverlap {
    struct Phrase {
        var text: String
        var intent: String
        var stems: [String]
        var trigrams: Set<String>
    }

    /// A training phrase a turn repeats.
    struct Finding {
        var phrase: String
        var intent: String
        var exact: Bool
    }

    static let maximumWordDistance = 1
    static let minimumTrigramJaccard = 0.9

    private let analyzer: Analyzer
    private let byKey: [String: Phrase]
    private let byIntent: [String: [Phrase]]

    init(pack: KnowledgePack) {
        analyzer = pack.analyzer
        var byKey: [String: Phrase] = [:]
        var byIntent: [String: [Phrase]] = [:]
        for training in pack.trainingPhrases {
            let intent = pack.intents[training.intent].name
            let phrase = Phrase(text: training.text, intent: intent, stems: training.stems, trigrams: Self.trigrams(training.stems))
            let key = training.stems.joined(separator: " ")
            if byKey[key] == nil { byKey[key] = phrase }
            byIntent[intent, default: []].append(phrase)
        }
        self.byKey = byKey
        self.byIntent = byIntent
    }

    /// The training phrase `turn` repeats, or nil.
    func finding(for turn: EvaluationTurn) -> Finding? {
        let stems = analyzer.analyze(turn.text).stems
        guard !stems.isEmpty else { return nil }
        if let phrase = byKey[stems.joined(separator: " ")] {
            return Finding(phrase: phrase.text, intent: phrase.intent, exact: true)
        }
        let trigrams = Self.trigrams(stems)
        for intent in turn.intents {
            for phrase in byIntent[intent] ?? [] where Self.nearlyEqual(stems, trigrams, phrase) {
                return Finding(phrase: phrase.text, intent: phrase.intent, exact: false)
            }
        }
        return nil
    }

    private static func nearlyEqual(_ stems: [String], _ trigrams: Set<String>, _ phrase: Phrase) -> Bool {
        if max(stems.count, phrase.stems.count) >= 2, abs(stems.count - phrase.stems.count) <= maximumWordDistance,
           wordDistance(stems, phrase.stems) <= maximumWordDistance {
            return true
        }
        let union = trigrams.union(phrase.trigrams).count
        return union > 0 && Double(trigrams.intersection(phrase.trigrams).count) / Double(union) >= minimumTrigramJaccard
    }

    /// Levenshtein distance over words.
    static func wordDistance(_ a: [String], _ b: [String]) -> Int {
        var previous = Array(0...b.count)
        for (i, word) in a.enumerated() {
            var current = [i + 1] + [Int](repeating: 0, count: b.count)
            for (j, other) in b.enumerated() {
                current[j + 1] = min(previous[j + 1] + 1, current[j] + 1, previous[j] + (word == other ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }

    /// Character trigrams of the stems joined by spaces, with "#" marking both ends.
    static func trigrams(_ stems: [String]) -> Set<String> {
        let characters = Array("#" + stems.joined(separator: " ") + "#")
        guard characters.count >= 3 else { return [String(characters)] }
        return Set((0...(characters.count - 3)).map { String(characters[$0..<($0 + 3)]) })
    }
}
