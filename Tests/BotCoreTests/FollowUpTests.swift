import Testing
@testable import BotCore

/// Runs a conversation for one user and returns the answered intents.
private func intents(_ turns: [String], engine: ConversationEngine = TestPack.engine(), user: String = "u") -> [String] {
    turns.map { engine.reply(to: $0, user: user).intent }
}

@Suite struct FollowUpTests {
    @Test func topicSwitchIndonesian() {
        #expect(intents(["apa itu influencer?", "kalau KOL?"]) == ["definition.influencer", "definition.kol"])
        #expect(intents(["apa itu KOL", "kalau influencer gimana?"]) == ["definition.kol", "definition.influencer"])
    }

    @Test func topicSwitchEnglish() {
        #expect(intents(["what is an influencer?", "what about KOLs?"]) == ["definition.influencer", "definition.kol"])
        #expect(intents(["what is a KOL?", "and influencers?"]) == ["definition.kol", "definition.influencer"])
    }

    @Test func topicSwitchFollowsTheAspect() {
        #expect(intents(["dari mana kredibilitas influencer?", "kalau KOL?"]) == ["influencer.credibility", "kol.credibility"])
    }

    @Test func topicFollowUpWithoutContextDefinesTheTopic() {
        #expect(intents(["kalau KOL?"]) == ["definition.kol"])
        #expect(intents(["and influencers?"]) == ["definition.influencer"])
    }

    @Test func examplesFollowTheTopic() {
        #expect(intents(["apa itu KOL", "contohnya?"]) == ["definition.kol", "kol.examples"])
        #expect(intents(["apa itu influencer", "misalnya?"]) == ["definition.influencer", "influencer.platforms"])
        #expect(intents(["what is a KOL", "examples?"]) == ["definition.kol", "kol.examples"])
    }

    @Test func nextAndPreviousWalkTheDifferences() {
        #expect(intents(["apa saja perbedaan kol dan influencer", "lanjut", "terus?", "sebelumnya"])
            == ["differences.list", "difference.1", "difference.2", "difference.1"])
        #expect(intents(["the second difference", "next", "next", "next"])
            == ["difference.2", "difference.3", "difference.4", "difference.5"])
        #expect(intents(["the third difference", "previous"]) == ["difference.3", "difference.2"])
    }

    @Test func ordinalsPickADifference() {
        #expect(intents(["bedanya apa?", "yang kedua?", "nomor 3"]) == ["differences.list", "difference.2", "difference.3"])
        #expect(intents(["what are the differences", "the last one"]) == ["differences.list", "difference.5"])
    }

    @Test func repeatAnswersTheLastIntentAgain() {
        let engine = TestPack.engine()
        let first = engine.reply(to: "apa itu KOL?", user: "r")
        let again = engine.reply(to: "maksudnya?", user: "r")
        #expect(again.intent == first.intent)
        #expect(again.text == first.text)
        #expect(intents(["what is an influencer", "what do you mean?"]) == ["definition.influencer", "definition.influencer"])
        #expect(intents(["ulangi"]) == ["bot.capabilities"])
    }

    @Test func languageSwitchRepeatsInTheOtherLanguage() {
        let engine = TestPack.engine()
        #expect(engine.reply(to: "apa itu influencer", user: "l").language == .indonesian)
        let english = engine.reply(to: "in english please", user: "l")
        #expect(english.intent == "definition.influencer")
        #expect(english.language == .english)
        #expect(engine.reply(to: "KOL?", user: "l").language == .english)
        let indonesian = engine.reply(to: "pakai bahasa indonesia aja", user: "l")
        #expect(indonesian.language == .indonesian)
    }

    @Test func clarificationIsAnsweredByOrdinalOrTopic() {
        let engine = TestPack.engine()
        let restoreWith: (String) -> Void = { user in
            engine.restore(ConversationState(pendingClarification: ["definition.kol", "definition.influencer"], lastActivity: 1e12), for: user)
        }
        restoreWith("c1")
        #expect(engine.reply(to: "yang pertama", user: "c1").intent == "definition.kol")
        restoreWith("c2")
        #expect(engine.reply(to: "the second one", user: "c2").intent == "definition.influencer")
        restoreWith("c3")
        #expect(engine.reply(to: "yang influencer", user: "c3").intent == "definition.influencer")
        restoreWith("c4")
        let again = engine.reply(to: "maksudnya?", user: "c4")
        #expect(again.intent == "clarify")
    }

    @Test func resetClearsTheState() {
        let engine = TestPack.engine()
        _ = engine.reply(to: "perbedaan ketiga", user: "x")
        #expect(engine.state(of: "x")?.cursor == 3)
        #expect(engine.reply(to: "mulai lagi", user: "x").intent == "reset")
        #expect(engine.state(of: "x")?.cursor == nil)
        #expect(engine.state(of: "x")?.lastIntent == nil)
        #expect(engine.reply(to: "lanjut", user: "x").intent == "differences.list")
    }

    @Test func usersDoNotShareState() {
        let engine = TestPack.engine()
        _ = engine.reply(to: "perbedaan ketiga", user: "a")
        #expect(engine.reply(to: "lanjut", user: "a").intent == "difference.4")
        #expect(engine.reply(to: "lanjut", user: "b").intent == "differences.list")
    }
}
