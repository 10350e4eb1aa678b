import Testing
@testable import BotCore

@Suite struct LanguageChoiceTests {
    @Test func englishQuestionGetsEnglish() {
        let reply = TestPack.engine().reply(to: "what is an influencer?", user: "u")
        #expect(reply.language == .english)
        #expect(reply.text.hasPrefix("An influencer"))
    }

    @Test func defaultIsIndonesian() {
        #expect(TestPack.engine().reply(to: "KOL?", user: "u").language == .indonesian)
    }

    @Test func shortMessageKeepsTheUsersLanguage() {
        let engine = TestPack.engine()
        _ = engine.reply(to: "what is the difference between a kol and an influencer", user: "u")
        #expect(engine.reply(to: "KOL?", user: "u").language == .english)
        #expect(engine.reply(to: "KOL?", user: "other").language == .indonesian)
    }

    @Test func forcedLanguageWins() {
        let reply = TestPack.engine().reply(to: "apa itu kol", user: "u", language: .english)
        #expect(reply.language == .english)
        #expect(reply.text.contains("Key Opinion Leader"))
    }
}
