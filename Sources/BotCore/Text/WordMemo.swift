/// Remembers a per-word result (a correction, a stem) for the words seen lately: a direct-mapped table, so a
/// word seen again costs one comparison instead of the work. For one engine, on one thread. The slots live in
/// memory of its own (not in arrays of a class, which would pay an exclusivity check per access).
final class WordMemo {
    private let hashes: UnsafeMutablePointer<UInt64>
    private let words: UnsafeMutablePointer<String>
    private let results: UnsafeMutablePointer<String?>
    private let size: Int
    private let mask: Int

    /// A memo of `capacity` entries (rounded up to a power of two).
    init(capacity: Int = 4096) {
        var size = 16
        while size < capacity { size <<= 1 }
        self.size = size
        mask = size - 1
        hashes = .allocate(capacity: size)
        hashes.initialize(repeating: 0, count: size)
        words = .allocate(capacity: size)
        words.initialize(repeating: "", count: size)
        results = .allocate(capacity: size)
        results.initialize(repeating: nil, count: size)
    }

    deinit {
        hashes.deallocate()
        words.deinitialize(count: size)
        words.deallocate()
        results.deinitialize(count: size)
        results.deallocate()
    }

    /// The result remembered for `word` (whose ``WordHash`` is `hash`): `.some(result)` when seen lately,
    /// nil when not.
    @inline(__always)
    func remembered(_ word: String, hash: UInt64) -> String?? {
        let slot = Int(truncatingIfNeeded: hash) & mask
        return hashes[slot] == hash && words[slot] == word ? .some(results[slot]) : nil
    }

    /// Remembers `result` for `word` (whose ``WordHash`` is `hash`), in place of what its slot held.
    @inline(__always)
    func remember(_ result: String?, for word: String, hash: UInt64) {
        let slot = Int(truncatingIfNeeded: hash) & mask
        hashes[slot] = hash
        words[slot] = word
        results[slot] = result
    }
}

/// The memos of one engine: corrections of unknown words, and stems.
final class AnalysisMemo {
    let corrections = WordMemo()
    let stems = WordMemo()
}
