/// A light Indonesian affix stripper: particles (-kah, -lah, -tah, -pun), the possessives -nya, -mu, -ku,
/// the suffixes -kan, -an, -i, an English plural -s, and the prefixes di-, ber-, ter-, meN-, peN-, per-.
/// It never leaves fewer than four letters and leaves words in its `keep` set alone.
/// Works on index bounds over the word's own bytes: no copy of the word is made.
struct Stemmer: Sendable {
    let keep: WordSet
    private static let minimumStem = 4

    private static let particles: [[UInt8]] = ["kah", "lah", "tah", "pun"].map { Array($0.utf8) }
    private static let possessives: [[UInt8]] = ["nya", "mu", "ku"].map { Array($0.utf8) }
    private static let suffixes: [[UInt8]] = ["kan", "an", "i", "s"].map { Array($0.utf8) }
    /// Stripped in this order, one of each group at most.
    private static let suffixGroups = [particles, possessives, suffixes]
    // Longest first, so "meng" wins over "me".
    private static let prefixes: [([UInt8], [UInt8])] = [
        ("meny", "s"), ("peny", "s"), ("meng", ""), ("peng", ""), ("mem", ""), ("pem", ""),
        ("men", ""), ("pen", ""), ("ber", ""), ("ter", ""), ("per", ""), ("di", ""), ("me", ""),
    ].map { (Array($0.0.utf8), Array($0.1.utf8)) }

    /// False when ``stem(_:)`` surely returns `word` itself (too short to strip).
    @inline(__always)
    func mayStrip(_ word: String) -> Bool { word.utf8.count >= Self.minimumStem + 2 }

    /// The stem of `word` (a cleaned, lowercase token).
    func stem(_ word: String) -> String {
        if word.utf8.count < Self.minimumStem + 2 || keep.contains(word) { return word }
        var word = word
        return word.withUTF8 { bytes in
            guard bytes.allSatisfy({ $0 >= 97 && $0 <= 122 }) else { return String(decoding: bytes, as: UTF8.self) }
            // The stem is `replacement` (a prefix's substitute letter) followed by bytes[start..<end].
            var start = 0
            var end = bytes.count
            var replacement: [UInt8] = []
            func current() -> String {
                replacement.isEmpty
                    ? String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
                    : String(decoding: replacement + bytes[start..<end], as: UTF8.self)
            }
            // After each suffix step, a word of the keep list stops the stripping ("kredibilitasnya" -> "kredibilitas").
            for candidates in Self.suffixGroups {
                guard let suffix = candidates.first(where: { Self.endsWith(bytes, start, end, $0) }) else { continue }
                end -= suffix.count
                let stem = current()
                if keep.contains(stem) { return stem }
                // "keseharianya", "pengertianya": -nya written after -an with one "n".
                if suffix == Self.possessives[0], bytes[end - 1] == 97, keep.contains(stem + "n") { return stem + "n" }
            }
            for _ in 0..<2 {
                guard let (prefix, substitute) = Self.prefixes.first(where: {
                    end - start - $0.0.count + $0.1.count >= Self.minimumStem
                        && bytes[start..<end].starts(with: $0.0)
                }) else { break }
                start += prefix.count
                if !substitute.isEmpty {
                    replacement = substitute
                    break // a substituted letter is the new first letter: no second prefix
                }
            }
            return current()
        }
    }

    /// True when bytes[start..<end] ends with `suffix`, leaving at least the minimum stem (and not -ss, -us for "s").
    private static func endsWith(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ suffix: [UInt8]) -> Bool {
        guard end - start - suffix.count >= minimumStem, bytes[(end - suffix.count)..<end].elementsEqual(suffix) else { return false }
        if suffix == [115], bytes[end - 2] == 115 || bytes[end - 2] == 117 { return false } // -ss, -us
        return true
    }
}
