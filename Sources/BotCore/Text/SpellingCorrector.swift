/// Corrects one-letter typos (a letter missing, extra, or wrong but the first; two neighbours swapped) in
/// words the pack does not know, to a word of its vocabulary ("perbdaan" -> "perbedaan", "inluencer" -> "influencer"). Symmetric delete
/// lookup: the vocabulary and each word with one letter deleted are indexed once, so a correction costs
/// about two lookups per letter. Failing that, a word written without some of its vowels, as chat often is
/// ("kpnjangan", "prbdaan"), becomes the vocabulary word with the same consonants that has those vowels.
struct SpellingCorrector: Sendable {
    /// Known words with how often they occur (ties go to the more frequent word).
    private let frequency: [String: Int]
    /// Those words and the known-only words, for the cheap membership test every message word goes through.
    private let known: WordSet
    /// A vocabulary word with one letter deleted -> the vocabulary words it comes from.
    private let deletions: [String: [String]]
    /// Shorter words are left alone: too many neighbours.
    static let minimumLength = 6
    /// Consonants (vowels removed) of vocabulary words -> those words; only for skeletons this long or longer.
    private let skeletons: [String: [String]]
    static let minimumSkeleton = 4

    /// `words` are what typos are corrected to and what joined words split into; `knownOnly` are words that
    /// are only known (left as written, never a correction or a piece of a split): the out-of-scope vocabulary,
    /// so that a refusal phrase cannot turn a typo or a joined word of the topic into something else.
    init(words: [String], knownOnly: [String] = []) {
        var frequency: [String: Int] = [:]
        for word in words where word.utf8.count >= 2 { frequency[word, default: 0] += 1 }
        var deletions: [String: [String]] = [:]
        for word in frequency.keys.sorted() where word.utf8.count >= Self.minimumLength - 1 {
            for variant in Self.deletionVariants(of: word) where !(deletions[variant]?.contains(word) ?? false) {
                deletions[variant, default: []].append(word)
            }
        }
        var skeletons: [String: [String]] = [:]
        for word in frequency.keys.sorted() where word.utf8.count >= Self.minimumLength {
            let skeleton = Self.skeleton(of: word)
            if skeleton.utf8.count >= Self.minimumSkeleton { skeletons[skeleton, default: []].append(word) }
        }
        self.frequency = frequency
        self.deletions = deletions
        self.skeletons = skeletons
        known = WordSet(frequency.keys + knownOnly.filter { $0.utf8.count >= 2 })
    }

    /// True when `word` is in the vocabulary.
    func knows(_ word: String) -> Bool { known.contains(word) }

    /// True when `word`, whose ``WordHash`` is `hash`, is in the vocabulary.
    func knows(_ word: String, hash: UInt64) -> Bool { known.contains(word, hash: hash) }

    /// The vocabulary (its words' strings are shared by the tokens that match them).
    var vocabulary: WordSet { known }

    /// False when ``correction(of:)`` surely returns nil: `word` is known, too short, or not plain letters.
    func mightCorrect(_ word: String, hash: UInt64) -> Bool {
        word.utf8.count >= Self.minimumLength - 1 && !known.contains(word, hash: hash) && word.allBytes(in: 97...122)
    }

    /// The vocabulary word one edit away from `word`, or nil when `word` is known, short, or has no such
    /// neighbour. A word one letter shorter than the minimum is only completed by a missing letter ("leadr").
    func correction(of word: String) -> String? {
        let length = word.utf8.count
        guard length >= Self.minimumLength - 1, !known.contains(word),
              word.utf8.allSatisfy({ $0 >= 97 && $0 <= 122 }) else { return nil }
        if length < Self.minimumLength {
            return deletions[word]?.filter { $0.utf8.count == length + 1 }
                .max { (frequency[$0] ?? 0, $1) < (frequency[$1] ?? 0, $0) }
        }
        var best: String?
        func consider(_ candidate: String) {
            guard candidate != word, let count = frequency[candidate] else { return }
            if let current = best, let currentCount = frequency[current],
               currentCount > count || (currentCount == count && current < candidate) { return }
            best = candidate
        }
        // A letter too many in `word`, or a letter wrong (both sides lose the same position). The variants
        // are built in one stack buffer; each becomes a (small, inline) string only for the lookup.
        var source = word
        source.withUTF8 { bytes in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bytes.count) { buffer in
                for skipped in 0..<bytes.count {
                    var length = 0
                    for (position, byte) in bytes.enumerated() where position != skipped {
                        buffer[length] = byte
                        length += 1
                    }
                    let variant = String(decoding: UnsafeBufferPointer(rebasing: buffer[0..<length]), as: UTF8.self)
                    // A letter too many before the first is another word ("finfluencer", "scontent") unless it
                    // doubles the first ("iinfluencer").
                    if skipped > 0 || bytes[0] == bytes[1] { consider(variant) }
                    // A wrong first letter is rarely a slip of the keyboard and often another word ("namanya" is
                    // not "samanya"): substitutions keep the first letter.
                    for candidate in deletions[variant] ?? [] where Self.isOneEdit(word, candidate)
                        && (skipped > 0 || candidate.utf8.count != bytes.count) {
                        consider(candidate)
                    }
                }
                // Two neighbouring letters swapped ("platfroms").
                for position in 0..<(bytes.count - 1) where bytes[position] != bytes[position + 1] {
                    for index in 0..<bytes.count { buffer[index] = bytes[index] }
                    buffer.swapAt(position, position + 1)
                    consider(String(decoding: UnsafeBufferPointer(rebasing: buffer[0..<bytes.count]), as: UTF8.self))
                }
            }
        }
        // A letter missing in `word`.
        for candidate in deletions[word] ?? [] { consider(candidate) }
        if best == nil {
            // Vowels left out: the only vocabulary words with these consonants in order that `word` spells
            // with some vowels missing.
            let skeleton = Self.skeleton(of: word)
            if skeleton.utf8.count >= Self.minimumSkeleton {
                for candidate in skeletons[skeleton] ?? [] where Self.dropsOnlyVowels(word, of: candidate) { consider(candidate) }
            }
        }
        return best
    }

    /// Affixes that are words of the vocabulary too: "dasarnya" is no "dasar" + "nya".
    private static let affixes: Set<String> = ["nya", "kan", "lah", "kah", "pun", "tah", "men", "mem", "meng", "ber", "ter",
                                               "per", "pen", "pem", "peng", "ing", "ers", "ness"]

    /// Vocabulary words written without the spaces between them ("bedainfluencer", "apaitukol",
    /// "kolsingkatandariapa"), each of three letters or more, or nil. Of several splits, the one with the fewest
    /// words, then the most even.
    func split(of word: String) -> [String]? {
        let bytes = Array(word.utf8)
        let count = bytes.count
        guard count >= 7, count <= Self.longestSplit, !known.contains(word), bytes.allSatisfy({ $0 >= 97 && $0 <= 122 }) else {
            return nil
        }
        // best[end]: the fewest words spelling bytes[..<end], the longest shortest word among those, and the cut.
        var best = [(words: Int, shortest: Int, cut: Int)](repeating: (Int.max, 0, -1), count: count + 1)
        best[0] = (0, Int.max, 0)
        for end in 3...count {
            for cut in stride(from: end - 3, through: 0, by: -1) where best[cut].words != Int.max {
                guard end - cut < count else { continue } // the whole word is no split
                let piece = String(decoding: bytes[cut..<end], as: UTF8.self)
                // Pieces are words of the vocabulary proper (`frequency`), never known-only ones.
                guard frequency[piece] != nil, !Self.affixes.contains(piece) else { continue }
                let candidate = (words: best[cut].words + 1, shortest: min(best[cut].shortest, end - cut), cut: cut)
                if candidate.words < best[end].words || candidate.words == best[end].words && candidate.shortest > best[end].shortest {
                    best[end] = candidate
                }
            }
        }
        guard best[count].words != Int.max else { return nil }
        var pieces: [String] = []
        var end = count
        while end > 0 {
            let cut = best[end].cut
            pieces.append(String(decoding: bytes[cut..<end], as: UTF8.self))
            end = cut
        }
        return pieces.reversed()
    }

    /// Longer tokens are not split (a pasted link or hash, not words).
    static let longestSplit = 40

    /// The correction of `word`, else its split as words and spaces ("apa itu kol"), else nil: what the
    /// analyser and the engine remember for an unknown word.
    func repair(of word: String) -> String? {
        correction(of: word) ?? split(of: word)?.joined(separator: " ")
    }

    private static func isVowel(_ byte: UInt8) -> Bool { byte == 97 || byte == 101 || byte == 105 || byte == 111 || byte == 117 }

    /// `word` without its vowels.
    private static func skeleton(of word: String) -> String {
        String(decoding: word.utf8.filter { !isVowel($0) }, as: UTF8.self)
    }

    /// True when `word` is `candidate` with one or more vowels deleted (and nothing else changed).
    private static func dropsOnlyVowels(_ word: String, of candidate: String) -> Bool {
        let x = Array(word.utf8), y = Array(candidate.utf8)
        guard x.count < y.count else { return false }
        var i = 0
        for byte in y {
            if i < x.count, x[i] == byte { i += 1 } else if !isVowel(byte) { return false }
        }
        return i == x.count
    }

    private static func deletionVariants(of word: String) -> [String] {
        let bytes = Array(word.utf8)
        var variants: [String] = []
        variants.reserveCapacity(bytes.count)
        for index in bytes.indices {
            var copy = bytes
            copy.remove(at: index)
            variants.append(String(decoding: copy, as: UTF8.self))
        }
        return variants
    }

    /// True when `a` and `b` (equal length) differ in exactly one position, or `b` is `a` with one letter removed.
    private static func isOneEdit(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        if x.count == y.count { return zip(x, y).filter { $0 != $1 }.count == 1 }
        return x.count == y.count + 1
    }
}
