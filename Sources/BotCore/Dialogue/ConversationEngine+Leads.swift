import Foundation

/// The texts composed around an answer: the verdict a yes/no answer leads with, and the name of the
/// unknown thing a refusal mentions, taken from the user's own text.
extension ConversationEngine {
    /// The longest name quoted back to a user, in characters.
    static let maximumNameLength = 40

    /// Leads `reply` (of `intent`) with the verdict `polarity` ("Ya." / "No." / "The article does not mention
    /// Snapchat.").
    func lead(_ reply: inout Reply, with polarity: Polarity, intent: Int, reading: Reading, analysis: Analysis, text: String) {
        if polarity == .unknown, reading.unknownAt >= 0, reading.unknownAt < analysis.words.count,
           let name = Self.name(of: analysis.words[reading.unknownAt], in: text),
           let named = pack.claims.leads["unknown_named"]?[reply.language] {
            reply.text = named.replacingPlaceholder("x", with: name) + " " + reply.text
        } else {
            // Rendered once per intent, language and verdict: no string is built per question.
            reply.text = pack.ledText(of: intent, in: reply.language, polarity: polarity)
        }
        reply.polarity = polarity
    }

    /// The words `range` of `tokens` as the user wrote them in `text`, when short and plain enough to quote.
    static func name(of range: Range<Int>, in tokens: [String], text: String) -> String? {
        guard !range.isEmpty, range.upperBound <= tokens.count else { return nil }
        guard tokens[range].contains(where: { $0.unicodeScalars.contains { letters.contains($0) } }) else { return nil }
        guard let start = text.range(of: tokens[range.lowerBound], options: [.caseInsensitive, .diacriticInsensitive]) else {
            return plain(tokens[range].joined(separator: " "))
        }
        var end = start.upperBound
        var searchFrom = start.upperBound
        for token in tokens[range].dropFirst() {
            guard let found = text.range(of: token, options: [.caseInsensitive, .diacriticInsensitive], range: searchFrom..<text.endIndex) else {
                return plain(tokens[range].joined(separator: " "))
            }
            end = found.upperBound
            searchFrom = found.upperBound
        }
        return plain(String(text[start.lowerBound..<end]))
    }

    /// One word as the user wrote it in `text`.
    static func name(of word: String, in text: String) -> String? {
        guard let found = text.range(of: word, options: [.caseInsensitive, .diacriticInsensitive]) else { return plain(word) }
        return plain(String(text[found]))
    }

    /// `name` when it is short and holds only letters, digits, spaces and simple joiners; else nil.
    private static func plain(_ name: String) -> String? {
        guard !name.isEmpty, name.count <= maximumNameLength,
              name.unicodeScalars.allSatisfy({ quotable.contains($0) }) else { return nil }
        return name
    }

    /// The character sets of the checks above, built once.
    private static let letters = CharacterSet.letters
    private static let quotable = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: " .-&+'"))
}
