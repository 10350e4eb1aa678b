/// FNV-1a over a word's UTF-8 bytes: a cheap, stable 64-bit hash for the pack's own word tables
/// (faster than `Hasher` for the short words of chat messages; never 0, which marks an empty slot).
enum WordHash {
    @inline(__always)
    static func of(_ word: String) -> UInt64 {
        word.withBytes(of(bytes:))
    }

    /// The hash of a word given as UTF-8 bytes.
    @inline(__always)
    static func of(bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        return hash == 0 ? 1 : hash
    }

    /// Combines a table node with a word hash (for word-by-word transitions).
    @inline(__always)
    static func step(_ node: Int32, _ word: UInt64) -> UInt64 {
        let mixed = (word ^ (UInt64(UInt32(bitPattern: node)) &* 0x9e37_79b9_7f4a_7c15)) &* 0xff51_afd7_ed55_8ccd
        return mixed == 0 ? 1 : mixed
    }
}

/// A set of words probed by ``WordHash`` (open addressing, linear probing).
struct WordSet: Sendable {
    private var hashes: [UInt64]
    private var words: [String]
    private var mask: Int
    private(set) var count = 0

    init<S: Sequence>(_ words: S) where S.Element == String {
        hashes = [UInt64](repeating: 0, count: 16)
        self.words = [String](repeating: "", count: 16)
        mask = 15
        for word in words { insert(word) }
    }

    mutating func insert(_ word: String) {
        if (count + 1) * 2 > hashes.count { grow() }
        let hash = WordHash.of(word)
        var slot = Int(truncatingIfNeeded: hash) & mask
        while hashes[slot] != 0 {
            if hashes[slot] == hash, words[slot] == word { return }
            slot = (slot + 1) & mask
        }
        hashes[slot] = hash
        words[slot] = word
        count += 1
    }

    @inline(__always)
    func contains(_ word: String) -> Bool {
        contains(word, hash: WordHash.of(word))
    }

    /// True when `word`, whose ``WordHash`` is `hash`, is in the set.
    @inline(__always)
    func contains(_ word: String, hash: UInt64) -> Bool {
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let stored = hashes[slot]
            if stored == 0 { return false }
            if stored == hash, words[slot] == word { return true }
            slot = (slot + 1) & mask
        }
    }

    /// The word of the set whose ``WordHash`` is `hash` and whose UTF-8 bytes are `bytes`, if any (so a
    /// message's token can share the set's string instead of building its own).
    @inline(__always)
    func word(hash: UInt64, bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let stored = hashes[slot]
            if stored == 0 { return nil }
            if stored == hash, words[slot].withBytes({ $0.sameBytes(as: bytes) }) { return words[slot] }
            slot = (slot + 1) & mask
        }
    }

    /// Every word of the set, in no particular order.
    var elements: [String] { zip(hashes, words).filter { $0.0 != 0 }.map(\.1) }

    private mutating func grow() {
        let old = zip(hashes, words).filter { $0.0 != 0 }.map(\.1)
        hashes = [UInt64](repeating: 0, count: hashes.count * 2)
        words = [String](repeating: "", count: hashes.count)
        mask = hashes.count - 1
        count = 0
        for word in old { insert(word) }
    }
}

/// Words with a set of bits each (which of several word lists hold the word), probed by ``WordHash`` like
/// ``WordSet``: one probe answers for every list.
struct WordBitsTable: Sendable {
    private var hashes = [UInt64](repeating: 0, count: 16)
    private var words = [String](repeating: "", count: 16)
    private var bits = [UInt32](repeating: 0, count: 16)
    private var count = 0

    /// Adds `bits` to those of `word`.
    mutating func insert(_ word: String, bits newBits: UInt32) {
        if (count + 1) * 2 > hashes.count {
            let old = hashes.indices.filter { hashes[$0] != 0 }.map { (words[$0], bits[$0]) }
            hashes = [UInt64](repeating: 0, count: hashes.count * 2)
            words = [String](repeating: "", count: hashes.count)
            bits = [UInt32](repeating: 0, count: hashes.count)
            count = 0
            for (word, value) in old { insert(word, bits: value) }
        }
        let hash = WordHash.of(word)
        let mask = hashes.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while hashes[slot] != 0 {
            if hashes[slot] == hash, words[slot] == word {
                bits[slot] |= newBits
                return
            }
            slot = (slot + 1) & mask
        }
        hashes[slot] = hash
        words[slot] = word
        bits[slot] = newBits
        count += 1
    }

    /// The bits of `word`, whose ``WordHash`` is `hash` (0 for a word not in the table).
    @inline(__always)
    func bits(of word: String, hash: UInt64) -> UInt32 {
        let mask = hashes.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let stored = hashes[slot]
            if stored == 0 { return 0 }
            if stored == hash, words[slot] == word { return bits[slot] }
            slot = (slot + 1) & mask
        }
    }
}

extension Array {
    /// Empties the array and keeps its storage, element by element: for the few elements of a message, far
    /// cheaper than `removeAll(keepingCapacity: true)`, which destroys them through a generic path.
    @inline(__always)
    mutating func clearKeepingCapacity() {
        while !isEmpty { removeLast() }
    }
}

extension String {
    /// Calls `body` with the string's UTF-8 bytes in contiguous memory (native strings, small ones included,
    /// without a copy): far cheaper than iterating `utf8` byte by byte.
    @inline(__always)
    func withBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        if let result = utf8.withContiguousStorageIfAvailable(body) { return result }
        return Array(utf8).withUnsafeBufferPointer(body)
    }

    /// `self == other`, deciding unequal lengths without the full comparison (which is slow for two different
    /// small strings).
    @inline(__always)
    func same(as other: String) -> Bool { utf8.count == other.utf8.count && self == other }

    /// True when every byte of the string is in `range` (e.g. lower-case ASCII letters, digits).
    @inline(__always)
    func allBytes(in range: ClosedRange<UInt8>) -> Bool {
        withBytes { bytes in
            for byte in bytes where !range.contains(byte) { return false }
            return true
        }
    }
}

extension UnsafeBufferPointer where Element == UInt8 {
    /// True when both buffers hold the same bytes (a plain loop: far cheaper than the generic `elementsEqual`
    /// for the short words compared here).
    @inline(__always)
    func sameBytes(as other: UnsafeBufferPointer<UInt8>) -> Bool {
        guard count == other.count else { return false }
        for index in 0..<count where self[index] != other[index] { return false }
        return true
    }
}
