/// Hashes words and their character trigrams to 64-bit feature keys (FNV-1a, a kind byte first).
enum Features {
    /// What a feature stands for; features of different kinds never collide by construction.
    enum Kind: UInt8 {
        case word = 1
        case trigram = 2
    }

    private static let offset: UInt64 = 0xcbf2_9ce4_8422_2325
    private static let prime: UInt64 = 0x0000_0100_0000_01b3
    private static let boundary: UInt8 = 35 // "#"

    /// Calls `body` with the key and kind of every feature of `stem`: the word, and its
    /// trigrams with "#" marking both ends ("#ko", "kol", "ol#").
    @inline(__always)
    static func forEach(of stem: String, _ body: (UInt64, Kind) -> Void) {
        var stem = stem
        stem.withUTF8 { bytes in
            var hash = offset ^ UInt64(Kind.word.rawValue)
            hash = hash &* prime
            for byte in bytes { hash = (hash ^ UInt64(byte)) &* prime }
            body(hash, .word)
            let count = bytes.count + 2
            guard count >= 3 else { return }
            @inline(__always) func byte(_ position: Int) -> UInt8 {
                position == 0 || position == count - 1 ? boundary : bytes[position - 1]
            }
            for start in 0...(count - 3) {
                var gram = offset ^ UInt64(Kind.trigram.rawValue)
                gram = gram &* prime
                gram = (gram ^ UInt64(byte(start))) &* prime
                gram = (gram ^ UInt64(byte(start + 1))) &* prime
                gram = (gram ^ UInt64(byte(start + 2))) &* prime
                body(gram, .trigram)
            }
        }
    }
}
