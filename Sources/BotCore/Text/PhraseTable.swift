/// Maps word sequences (one or more words) to values, matched longest-first over a token list.
struct PhraseTable<Value: Sendable>: Sendable {
    private(set) var entries: [String: Value] = [:]
    /// First words of the keys longer than one word, so single words skip the join.
    private var multiWordStarts: Set<String> = []
    private(set) var maxWords = 1

    /// Adds `words` (already cleaned) as a key. A later insert of the same key wins.
    mutating func insert(_ words: [String], value: Value) {
        guard let first = words.first else { return }
        if words.count > 1 {
            multiWordStarts.insert(first)
            maxWords = max(maxWords, words.count)
        }
        entries[words.joined(separator: " ")] = value
    }

    /// The value of a whole key, if any.
    func value(for key: String) -> Value? { entries[key] }

    /// The longest key that starts at `index` in `tokens`, with its length in words.
    func longestMatch(in tokens: [String], at index: Int) -> (length: Int, value: Value)? {
        let first = tokens[index]
        if maxWords > 1, multiWordStarts.contains(first) {
            var length = min(maxWords, tokens.count - index)
            while length > 1 {
                let key = tokens[index..<(index + length)].joined(separator: " ")
                if let value = entries[key] { return (length, value) }
                length -= 1
            }
        }
        if let value = entries[first] { return (1, value) }
        return nil
    }
}
