/// A light Indonesian affix stripper: particles (-kah, -lah, -tah, -pun), the possessives -nya, -mu, -ku,
/// the suffixes -kan, -an, -i, an English plural -s, and the prefixes di-, ber-, ter-, meN-, peN-, per-.
/// It never leaves fewer than four letters and leaves words in its `keep` set alone.
struct Stemmer: Sendable {
    let keep: WordSet
    private static let minimumStem = 4

    private static let particles: [[UInt8]] = ["kah", "lah", "tah", "pun"].map { Array($0.utf8) }
    private static let possessives: [[UInt8]] = ["nya", "mu", "ku"].map { Array($0.utf8) }
    private static let suffixes: [[UInt8]] = ["kan", "an", "i", "s"].map { Array($0.utf8) }
    // Longest first, so "meng" wins over "me".
    private static let prefixes: [([UInt8], [UInt8])] = [
        ("meny", "s"), ("peny", "s"), ("meng", ""), ("peng", ""), ("mem", ""), ("pem", ""),
        ("men", ""), ("pen", ""), ("ber", ""), ("ter", ""), ("per", ""), ("di", ""), ("me", ""),
    ].map { (Array($0.0.utf8), Array($0.1.utf8)) }

    /// The stem of `word` (a cleaned, lowercase token).
    func stem(_ word: String) -> String {
        if word.utf8.count < Self.minimumStem + 2 || keep.contains(word) { return word }
        var bytes = Array(word.utf8)
        guard bytes.allSatisfy({ $0 >= 97 && $0 <= 122 }) else { return word }
        // After each step, a word of the keep list stops the stripping ("kredibilitasnya" -> "kredibilitas").
        func kept() -> String? {
            let current = String(decoding: bytes, as: UTF8.self)
            return keep.contains(current) ? current : nil
        }
        if stripSuffix(&bytes, Self.particles), let word = kept() { return word }
        if stripSuffix(&bytes, Self.possessives), let word = kept() { return word }
        if stripSuffix(&bytes, Self.suffixes), let word = kept() { return word }
        for _ in 0..<2 {
            guard stripPrefix(&bytes) else { break }
        }
        return bytes.count == word.utf8.count ? word : String(decoding: bytes, as: UTF8.self)
    }

    private func stripSuffix(_ bytes: inout [UInt8], _ candidates: [[UInt8]]) -> Bool {
        for suffix in candidates where bytes.count - suffix.count >= Self.minimumStem {
            if bytes.suffix(suffix.count).elementsEqual(suffix) {
                if suffix == [115] && (bytes[bytes.count - 2] == 115 || bytes[bytes.count - 2] == 117) { continue } // -ss, -us
                bytes.removeLast(suffix.count)
                return true
            }
        }
        return false
    }

    private func stripPrefix(_ bytes: inout [UInt8]) -> Bool {
        for (prefix, replacement) in Self.prefixes where bytes.count - prefix.count + replacement.count >= Self.minimumStem {
            if bytes.prefix(prefix.count).elementsEqual(prefix) {
                bytes.replaceSubrange(0..<prefix.count, with: replacement)
                return true
            }
        }
        return false
    }
}
