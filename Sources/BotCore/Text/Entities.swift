/// The slot values found in one message.
public struct Entities: Sendable, Equatable {
    /// `influencer`, `kol` or `both` (both named, or a word like "keduanya").
    public var topic: String?
    /// The aspect asked about (an aspect name of `understanding.yaml`, e.g. `credibility`), when one is named.
    public var aspect: String?
    /// 1 ... 5.
    public var ordinal: Int?
    /// Platform names, in order of mention.
    public var platforms: [String] = []

    /// Creates an empty set of entities.
    public init(topic: String? = nil, aspect: String? = nil, ordinal: Int? = nil, platforms: [String] = []) {
        self.topic = topic
        self.aspect = aspect
        self.ordinal = ordinal
        self.platforms = platforms
    }
}

/// One value an entity word stands for.
enum EntityValue: Sendable, Equatable {
    case topic(String)
    case ordinal(Int)
    case platform(String)
}

/// Finds topics, ordinals and platforms in lexicon-normalised words (aspects are read by ``Reader``).
struct EntityRecognizer: Sendable {
    let table: PhraseTable<[EntityValue]>
    let countedNouns: Set<String>
    /// Words after which a digit names a position ("nomor 3", "ke 2").
    private static let ordinalMarkers: Set<String> = ["ke", "nomor", "no", "number", "nr", "yang", "poin", "point"]
    private static let ordinalSuffixes: Set<String> = ["st", "nd", "rd", "th"]

    init(spec: EntitiesSpec, lexicon: Lexicon) throws {
        var table = PhraseTable<[EntityValue]>()
        var pending: [(words: [String], value: EntityValue)] = []
        func add(_ values: [String: [String]], _ make: (String) -> EntityValue?) {
            for (key, words) in values.sorted(by: { $0.key < $1.key }) {
                guard let value = make(key) else { continue }
                for word in words {
                    pending.append((lexicon.apply(TextCleaner.tokens(word)), value))
                }
            }
        }
        add(spec.topic) { .topic($0) }
        add(spec.ordinal) { Int($0).map(EntityValue.ordinal) }
        add(spec.platform) { .platform($0) }
        var merged: [String: ([String], [EntityValue])] = [:]
        for entry in pending where !entry.words.isEmpty {
            let key = entry.words.joined(separator: " ")
            var current = merged[key] ?? (entry.words, [])
            if !current.1.contains(entry.value) { current.1.append(entry.value) }
            merged[key] = current
        }
        for (_, entry) in merged.sorted(by: { $0.key < $1.key }) {
            table.insert(entry.0, value: entry.1)
        }
        self.table = table
        countedNouns = Set(spec.countedNouns.flatMap { lexicon.apply(TextCleaner.tokens($0)) })
    }

    /// The entities in `words` (lexicon-normalised, not stemmed).
    func recognize(_ words: [String]) -> Entities {
        recognize(words, hashes: words.map(WordHash.of))
    }

    /// The entities in `words` (lexicon-normalised, not stemmed), whose ``WordHash`` values are `hashes`.
    func recognize(_ words: [String], hashes: [UInt64]) -> Entities {
        var entities = Entities()
        var kol = false, influencer = false, both = false, other: String?
        var digit: Int?
        var index = 0
        while index < words.count {
            let word = words[index]
            if let value = Self.digitOrdinal(word) {
                let next = index + 1 < words.count ? words[index + 1] : nil
                let previous = index > 0 ? words[index - 1] : nil
                let marked = previous.map(Self.ordinalMarkers.contains) ?? false
                    || next.map(Self.ordinalSuffixes.contains) ?? false
                let counts = next.map(countedNouns.contains) ?? false
                if marked || !counts { digit = digit ?? value }
                index += 1
                continue
            }
            guard let match = table.longestMatch(in: words, hashes: hashes, at: index)
                ?? Lexicon.withoutNya(word).flatMap({ base in table.value(forWord: base).map { (1, $0) } })
            else {
                index += 1
                continue
            }
            for value in match.value {
                switch value {
                case .topic(let topic):
                    switch topic {
                    case "kol": kol = true
                    case "influencer": influencer = true
                    case "both": both = true
                    default: other = other ?? topic
                    }
                case .ordinal(let ordinal): entities.ordinal = entities.ordinal ?? ordinal
                case .platform(let platform):
                    if !entities.platforms.contains(platform) { entities.platforms.append(platform) }
                }
            }
            index += match.length
        }
        // A spelled ordinal ("kelima") wins over a bare digit ("kok cuma 4? yang kelima?").
        entities.ordinal = entities.ordinal ?? digit
        if both || (kol && influencer) {
            entities.topic = "both"
        } else {
            entities.topic = kol ? "kol" : influencer ? "influencer" : other
        }
        return entities
    }

    /// 1 ... 5 when `word` is that one digit (a byte test: no number parsing).
    private static func digitOrdinal(_ word: String) -> Int? {
        guard word.utf8.count == 1, let byte = word.utf8.first, byte >= 49, byte <= 53 else { return nil }
        return Int(byte) - 48
    }
}
