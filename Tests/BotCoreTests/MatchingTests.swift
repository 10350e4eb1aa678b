import Testing
@testable import BotCore

@Suite struct MatchingTests {
    @Test(arguments: [
        ("bedanya kol sm influencer apaan sih", "differences.list"),
        ("infuencer itu apa", "definition.influencer"),
        ("what's a KOL?", "definition.kol"),
        ("contoh sosmednya apa aja", "influencer.platforms"),
        ("perbedaan kedua", "difference.2"),
        ("the third difference", "difference.3"),
        ("perbedaan ke-4 apa", "difference.4"),
        ("beda kredibilitas kol dan influencer", "difference.2"),
        ("sumbernya apa?", "source"),
        ("kol singkatan dari apa", "definition.kol_term"),
    ])
    func questionsReachTheirIntent(question: String, intent: String) {
        let reply = TestPack.engine().reply(to: question, user: "u")
        #expect(reply.intent == intent)
        #expect(!reply.isFallback)
        #expect(reply.confidence >= TestPack.shared.settings.threshold)
    }

    @Test(arguments: ["siapa juara liga inggris musim lalu?", "who won the world cup", "asdfghjkl", "😂😂", "Bsi", ""])
    func outOfScopeFallsBack(question: String) {
        let reply = TestPack.engine().reply(to: question, user: "u")
        #expect(reply.isFallback)
        #expect(reply.intent == "fallback")
        #expect(reply.suggestions.count >= 2)
        #expect(reply.facts.isEmpty)
    }

    @Test func confidenceIsInUnitRange() {
        let engine = TestPack.engine()
        for text in ["apa itu kol", "xyz", "football", "perbedaan pertama", "halo"] {
            let reply = engine.reply(to: text, user: "u")
            #expect((0...1).contains(reply.confidence))
        }
    }

    @Test func answersCiteFactsAndSource() {
        let reply = TestPack.engine().reply(to: "apa itu influencer", user: "u")
        #expect(reply.facts == ["F-inf-1", "F-inf-2", "F-inf-3"])
        #expect(reply.source?.contains("Kantamedia") == true)
    }

    @Test func fifthDifferenceIsHonest() {
        let engine = TestPack.engine()
        let id = engine.reply(to: "perbedaan kelima apa?", user: "a")
        #expect(id.intent == "difference.5")
        #expect(id.text.contains("tidak tercakup"))
        #expect(id.suggestions.count == 4)
        let en = engine.reply(to: "what is the fifth difference?", user: "b")
        #expect(en.text.contains("not covered"))
    }

    @Test func clarificationNamesBothCandidates() {
        let engine = TestPack.engine()
        let decision = engine.render(.clarify(first: 0, second: 1, confidence: 0.6), language: .english)
        #expect(decision.intent == "clarify")
        #expect(decision.isFallback)
        #expect(decision.suggestions.count == 2)
        #expect(decision.text.contains(decision.suggestions[0]))
    }
}
