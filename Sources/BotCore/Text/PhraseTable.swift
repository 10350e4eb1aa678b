/// Maps word sequences (one or more words) to values, matched longest-first over a token list.
/// A trie of words whose transitions live in one open-addressing table keyed by (node, ``WordHash``):
/// a lookup costs one cheap probe per word read and builds no joined string.
struct PhraseTable<Value: Sendable>: Sendable {
    /// One transition besides its key: source node, target node, word (kept together: a matching key reads
    /// one more cache line, not three).
    private struct Slot {
        var node: Int32 = 0
        var target: Int32 = 0
        var word = ""
    }

    /// Per node: its value, if a key ends there. Node 0 is the root.
    private var values: [Value?] = [nil]
    /// Per transition slot: its combined key (0 = empty), in an array of its own, so that the probes of words
    /// no key holds (most words) touch little memory; and the rest of the slot.
    private var keys = [UInt64](repeating: 0, count: 16)
    private var slots = [Slot](repeating: Slot(), count: 16)
    private var transitions = 0
    private(set) var maxWords = 1

    /// Adds `words` (already cleaned) as a key. A later insert of the same key wins.
    mutating func insert(_ words: [String], value: Value) {
        guard !words.isEmpty else { return }
        maxWords = max(maxWords, words.count)
        var node: Int32 = 0
        for word in words {
            if let next = target(from: node, word, WordHash.of(word)) {
                node = next
            } else {
                values.append(nil)
                let next = Int32(values.count - 1)
                add(from: node, word, to: next)
                node = next
            }
        }
        values[Int(node)] = value
    }

    /// The value of a whole key (words joined by single spaces), if any.
    func value(for key: String) -> Value? {
        var node: Int32 = 0
        for word in key.split(separator: " ") {
            let word = String(word)
            guard let next = target(from: node, word, WordHash.of(word)) else { return nil }
            node = next
        }
        return node == 0 ? nil : values[Int(node)]
    }

    /// The value of the single word `word`, if any.
    @inline(__always)
    func value(forWord word: String) -> Value? {
        target(from: 0, word, WordHash.of(word)).flatMap { values[Int($0)] }
    }

    /// The value of the single word `word`, whose ``WordHash`` is `hash`, if any.
    @inline(__always)
    func value(forWord word: String, hash: UInt64) -> Value? {
        target(from: 0, word, hash).flatMap { values[Int($0)] }
    }

    /// The longest key that starts at `index` in `tokens`, whose ``WordHash`` values are `hashes` (computed once
    /// per message instead of once per table and word).
    func longestMatch(in tokens: [String], hashes: [UInt64], at index: Int) -> (length: Int, value: Value)? {
        var node: Int32 = 0
        var foundNode: Int32 = 0
        var foundEnd = index
        var position = index
        while position < tokens.count, let next = target(from: node, tokens[position], hashes[position]) {
            node = next
            position += 1
            if values[Int(node)] != nil {
                foundNode = node
                foundEnd = position
            }
        }
        // The value is copied once, for the longest key only.
        guard foundNode != 0, let value = values[Int(foundNode)] else { return nil }
        return (foundEnd - index, value)
    }

    /// The longest key that starts at `index` in `tokens`, with its length in words.
    func longestMatch(in tokens: [String], at index: Int) -> (length: Int, value: Value)? {
        var node: Int32 = 0
        var found: (length: Int, value: Value)?
        var position = index
        while position < tokens.count, let next = target(from: node, tokens[position], WordHash.of(tokens[position])) {
            node = next
            position += 1
            if let value = values[Int(node)] { found = (position - index, value) }
        }
        return found
    }

    /// Every key (words joined by single spaces) with its value.
    var entries: [String: Value] {
        var children: [Int32: [(String, Int32)]] = [:]
        for (key, slot) in zip(keys, slots) where key != 0 {
            children[slot.node, default: []].append((slot.word, slot.target))
        }
        var result: [String: Value] = [:]
        func visit(_ node: Int32, _ words: [String]) {
            if let value = values[Int(node)] { result[words.joined(separator: " ")] = value }
            for (word, child) in children[node] ?? [] { visit(child, words + [word]) }
        }
        visit(0, [])
        return result
    }

    @inline(__always)
    private func target(from node: Int32, _ word: String, _ hash: UInt64) -> Int32? {
        let key = WordHash.step(node, hash)
        return keys.withUnsafeBufferPointer { keys in
            slots.withUnsafeBufferPointer { slots in
                let mask = keys.count - 1
                var slot = Int(truncatingIfNeeded: key) & mask
                while true {
                    let stored = keys[slot]
                    if stored == 0 { return nil }
                    if stored == key, slots[slot].node == node, slots[slot].word == word { return slots[slot].target }
                    slot = (slot + 1) & mask
                }
            }
        }
    }

    private mutating func add(from node: Int32, _ word: String, to target: Int32) {
        if (transitions + 1) * 2 > keys.count { grow() }
        let key = WordHash.step(node, WordHash.of(word))
        let mask = keys.count - 1
        var slot = Int(truncatingIfNeeded: key) & mask
        while keys[slot] != 0 { slot = (slot + 1) & mask }
        keys[slot] = key
        slots[slot] = Slot(node: node, target: target, word: word)
        transitions += 1
    }

    private mutating func grow() {
        let old = zip(keys, slots).filter { $0.0 != 0 }.map(\.1)
        keys = [UInt64](repeating: 0, count: keys.count * 2)
        slots = [Slot](repeating: Slot(), count: keys.count)
        transitions = 0
        for slot in old { add(from: slot.node, slot.word, to: slot.target) }
    }
}
