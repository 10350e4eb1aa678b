import Testing
@testable import BotCore

/// The byte-level fast paths give what the general code they shortcut gives.
@Suite struct FastPathTests {
    @Test func asciiClausesMatchCharacterSplitting() {
        let texts = [
            "halo, apa itu KOL? makasih!", "", "...", "a", ",a,", "KOL;influencer:both\nok", "12, 34. ya?",
            "aku mahasiswa, dosenku nanya bedanya KOL sama influencer apa", "a\r\nb, c", "kenapa?! gitu...",
            "influéncer, apa itu", "what's a KOL , and  an influencer ?",
        ]
        for text in texts {
            let reference = text.split(whereSeparator: { ",.;:!?\n".contains($0) }).filter { $0.contains { $0.isLetter } }
            #expect(ConversationEngine.clauses(of: text) == reference, "\(text)")
        }
    }

    @Test func recentQuestionIdsKeepTheLastFour() {
        var memory = UserMemory()
        var reference: [UInt32] = []
        for hash: UInt32 in [7, 3, 9, 3, 11, 42, 5] {
            memory.remember(questionHash: hash)
            reference.append(hash)
            if reference.count > 4 { reference.removeFirst() }
            #expect(memory.recentIds == reference)
            for probe: UInt32 in [0, 3, 5, 7, 9, 11, 42] {
                #expect(memory.hasSeen(questionHash: probe) == reference.contains(probe))
            }
        }
    }
}

extension FastPathTests {
    @Test func asciiCapitalisedWordsMatchCharacterScanning() {
        let texts = [
            "Is Atta Halilintar a KOL?", "apa itu KOL? Raffi itu siapa", "APA SIH KOL", "halo. Siapa Dia!", "x Yz Ab",
            "Ok, Spotify or Netflix?", "a\nBc de", "Kol", "what's Tiktok", "K", "kenapa KOL-nya Begitu", "",
        ]
        for text in texts {
            for unknownWords: Set<String> in [[], ["atta", "raffi", "dia", "yz", "spotify", "netflix", "bc", "tiktok", "begitu"], ["halilintar", "siapa"]] {
                var asked: [String] = []
                var askedByCharacters: [String] = []
                let fast = ConversationEngine.asciiCapitalisedUnknown(in: text) { asked.append($0); return unknownWords.contains($0) }
                let reference = ConversationEngine.capitalisedUnknownByCharacters(in: text) {
                    askedByCharacters.append($0)
                    return unknownWords.contains($0)
                }
                #expect(fast == reference, "\(text)")
                #expect(asked == askedByCharacters, "\(text)")
            }
        }
        #expect(ConversationEngine.asciiCapitalisedUnknown(in: "Café Latte") { _ in true } == nil)
        #expect(ConversationEngine.asciiCapitalisedUnknown(in: "a\r\nBc") { _ in true } == nil)
    }
}
