import Foundation

/// Splits raw text into lowercase word tokens: Unicode NFKC, case folding, diacritics removed,
/// punctuation and emoji as separators, letters repeated three or more times collapsed to one.
/// Pure-ASCII text takes a byte-level fast path without Foundation.
enum TextCleaner {
    /// The cleaned tokens of `text`.
    static func tokens(_ text: String) -> [String] {
        var tokens: [String] = []
        tokens.reserveCapacity(12)
        self.tokens(text, into: &tokens)
        return tokens
    }

    /// The cleaned tokens of `text`, in `tokens` (emptied first; its storage is reused).
    static func tokens(_ text: String, into tokens: inout [String]) {
        var hashes: [UInt64] = []
        self.tokens(text, into: &tokens, hashes: &hashes, vocabulary: nil)
    }

    /// The cleaned tokens of `text` in `tokens`, their ``WordHash`` values in `hashes` (both emptied first;
    /// their storage is reused). A token of `vocabulary` is taken from it rather than built anew.
    static func tokens(_ text: String, into tokens: inout [String], hashes: inout [UInt64], vocabulary: WordSet?) {
        tokens.clearKeepingCapacity()
        hashes.clearKeepingCapacity()
        let text = withoutReduplicationDigits(text)
        let ascii = text.withBytes { bytes -> Bool in
            for byte in bytes where byte >= 0x80 { return false }
            asciiTokens(bytes, into: &tokens, hashes: &hashes, vocabulary: vocabulary)
            return true
        }
        if !ascii {
            unicodeTokens(text, into: &tokens)
            for token in tokens { hashes.append(WordHash.of(token)) }
        }
    }

    private static func asciiTokens(
        _ bytes: UnsafeBufferPointer<UInt8>, into tokens: inout [String], hashes: inout [UInt64], vocabulary: WordSet?
    ) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bytes.count + 1) { buffer in
            var length = 0
            var lastClass = 0 // 0 none, 1 letter, 2 digit
            var run = 0
            for var byte in bytes {
                // Classified with wrapping arithmetic rather than range tests: fewer branches to mispredict.
                let lower = byte | 0x20
                let letter = lower &- 97 < 26 // A-Z or a-z
                if letter { byte = lower }
                let cls = letter ? 1 : byte &- 48 < 10 ? 2 : 0
                if cls == 0 {
                    if byte == 39 || byte == 96 { continue } // apostrophes join: what's -> whats
                    append(buffer, length, to: &tokens, hashes: &hashes, vocabulary: vocabulary)
                    length = 0
                    run = 0
                    lastClass = 0
                    continue
                }
                if lastClass != 0 && cls != lastClass { // ke2 -> ke 2, 5th -> 5 th
                    append(buffer, length, to: &tokens, hashes: &hashes, vocabulary: vocabulary)
                    length = 0
                    run = 0
                }
                lastClass = cls
                // Collapse a run of three or more equal letters to one: "apaaa" -> "apa".
                if cls == 1, length > 0, buffer[length - 1] == byte {
                    run += 1
                    if run == 3 { length -= 1 }
                    if run >= 3 { continue }
                } else {
                    run = 1
                }
                buffer[length] = byte
                length += 1
            }
            append(buffer, length, to: &tokens, hashes: &hashes, vocabulary: vocabulary)
        }
    }

    /// `text` with each web address ("https://example.com/a-b", "www.example.com") replaced by a space: an
    /// address is not words of the question, and its dots end no sentence. The engine applies it once to each
    /// message it receives, before reading it. Returns `text` itself, uncopied, when it has none.
    static func withoutLinks(_ text: String) -> String {
        let starts: [Int] = text.withBytes { bytes in
            var found: [Int] = []
            var index = 0
            while index + 3 < bytes.count {
                // "://" after letters, or "www." at a word's start.
                if bytes[index] == 58, bytes[index + 1] == 47, bytes[index + 2] == 47 {
                    var start = index
                    while start > 0, bytes[start - 1] | 0x20 &- 97 < 26 { start -= 1 }
                    found.append(start)
                } else if bytes[index] | 0x20 == 119, bytes[index + 1] | 0x20 == 119, bytes[index + 2] | 0x20 == 119,
                          bytes[index + 3] == 46, index == 0 || bytes[index - 1] <= 32 {
                    found.append(index)
                }
                index += 1
            }
            return found
        }
        guard !starts.isEmpty else { return text }
        let bytes = Array(text.utf8)
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var index = 0
        for start in starts where start >= index {
            result += bytes[index..<start]
            result.append(32)
            index = start
            while index < bytes.count, bytes[index] > 32 { index += 1 }
        }
        result += bytes[index...]
        return String(decoding: result, as: UTF8.self)
    }

    /// `text` without the "2" that chat writes for a doubled word ("temen2", "baca2", "kol2"): a 2 right after
    /// three letters or more and before no letter or digit (or before "nya": "sama2nya"). "ke2" and "no 2" keep theirs (ordinals).
    /// Returns `text` itself, uncopied, when it has no such 2.
    static func withoutReduplicationDigits(_ text: String) -> String {
        // No "2" at all: the common case, one byte scan and no allocation.
        guard text.withBytes({ bytes in bytes.contains(50) }) else { return text }
        let positions: [Int] = text.withBytes { bytes in
            var found: [Int] = []
            var letters = 0
            for (offset, byte) in bytes.enumerated() {
                let lower = byte | 0x20
                if lower &- 97 < 26 {
                    letters += 1
                    continue
                }
                if byte == 50, letters >= 3 {
                    func at(_ index: Int) -> UInt8 { index < bytes.count ? bytes[index] | 0x20 : 32 }
                    let next = offset + 1 < bytes.count ? bytes[offset + 1] : 32
                    let nextLower = next | 0x20
                    // "sama2nya": the possessive may follow the doubled word.
                    let nya = at(offset + 1) == 110 && at(offset + 2) == 121 && at(offset + 3) == 97
                        && !(at(offset + 4) &- 97 < 26)
                    if nya || !(nextLower &- 97 < 26 || next &- 48 < 10) { found.append(offset) }
                }
                letters = 0
            }
            return found
        }
        guard !positions.isEmpty else { return text }
        var bytes = Array(text.utf8)
        for offset in positions.reversed() { bytes[offset] = 32 }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the token `buffer[0..<length]` (if not empty) and its hash; a word of `vocabulary` shares its string.
    @inline(__always)
    private static func append(
        _ buffer: UnsafeMutableBufferPointer<UInt8>, _ length: Int, to tokens: inout [String], hashes: inout [UInt64],
        vocabulary: WordSet?
    ) {
        guard length > 0 else { return }
        let token = UnsafeBufferPointer(rebasing: buffer[0..<length])
        let hash = WordHash.of(bytes: token)
        tokens.append(vocabulary?.word(hash: hash, bytes: token) ?? String(decoding: token, as: UTF8.self))
        hashes.append(hash)
    }

    private static func unicodeTokens(_ text: String, into tokens: inout [String]) {
        let folded = text.precomposedStringWithCompatibilityMapping
            .folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
            .lowercased()
        var current = String.UnicodeScalarView()
        var lastClass = 0
        func flush() {
            if !current.isEmpty {
                tokens.append(collapseRuns(String(current)))
                current = String.UnicodeScalarView()
            }
        }
        for scalar in folded.unicodeScalars {
            let properties = scalar.properties
            let cls: Int
            if properties.isAlphabetic { cls = 1 } else if properties.numericType != nil { cls = 2 } else { cls = 0 }
            if cls == 0 {
                if scalar == "'" || scalar == "\u{2019}" || scalar == "`" { continue }
                flush()
                lastClass = 0
                continue
            }
            if lastClass != 0 && cls != lastClass { flush() }
            lastClass = cls
            current.append(scalar)
        }
        flush()
    }

    /// Collapses runs of three or more equal characters to one.
    static func collapseRuns(_ word: String) -> String {
        var result = ""
        var previous: Character?
        var run = 0
        var changed = false
        var characters: [Character] = []
        for character in word {
            if character == previous { run += 1 } else { run = 1; previous = character }
            characters.append(character)
            if run == 3 { changed = true }
        }
        guard changed else { return word }
        var index = 0
        while index < characters.count {
            var end = index
            while end + 1 < characters.count && characters[end + 1] == characters[index] { end += 1 }
            let count = end - index + 1
            let keep = count >= 3 ? 1 : count
            for _ in 0..<keep { result.append(characters[index]) }
            index = end + 1
        }
        return result
    }
}
