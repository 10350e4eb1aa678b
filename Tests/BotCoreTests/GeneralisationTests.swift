import Testing
@testable import BotCore

/// The classes of misses of the first independent (blind) set, each tested on sentences of our own.
private func ask(_ text: String) -> Reply {
    TestPack.engine().reply(to: text, user: "g")
}

private func conversation(_ turns: [String]) -> [String] {
    let engine = TestPack.engine()
    return turns.map { engine.reply(to: $0, user: "c").intent }
}

/// Questions that name a side but ask for something the article does not cover are refused.
@Suite struct DomainWordRefusalTests {
    @Test(arguments: [
        "apa itu nano influencer?",
        "what is a mega influencer",
        "influencer mikro bedanya apa sama KOL?",
        "apa bedanya KOL sama brand ambassador?",
        "is an influencer the same as a celebrity?",
        "what's the difference between a KOL and an affiliate marketer?",
        "gimana langkah-langkah jadi influencer?",
        "what are the steps to become a KOL?",
        "how do I measure the ROI of a KOL campaign?",
        "berapa engagement rate influencer yang bagus?",
        "apakah ada undang-undang yang mengatur influencer?",
        "Are KOLs regulated by law?",
        "Is Raffi Ahmad an influencer or a KOL?",
        "apakah deddy corbuzier itu kol?",
    ])
    func refused(question: String) {
        #expect(ask(question).intent == "fallback", "\(question)")
    }

    @Test(arguments: [
        "Why do people trust KOLs more than ads?",
        "influencer sama KOL, mana yang lebih cocok buat promosi produk skincare?",
        "what are the pros and cons of using KOLs?",
        "apakah influencer selalu jujur?",
        "what's your opinion on influencers?",
        "what is influencer marketing?",
        "berapa lama seseorang bisa jadi KOL?",
    ])
    func judgementsAndComparisonsWithOtherThingsAreRefused(question: String) {
        #expect(ask(question).intent == "fallback", "\(question)")
    }

    @Test func whatTheArticleCoversIsStillAnswered() {
        #expect(ask("KOL itu kredibilitasnya dari mana?").intent == "kol.credibility")
        #expect(ask("Do KOLs interact mostly online or offline?").intent == "kol.media")
        #expect(ask("contoh orang yang masuk kategori KOL siapa aja?").intent == "kol.examples")
        #expect(ask("apakah jangkauan influencer lebih luas dari KOL?").intent == "difference.3")
        #expect(ask("KOL harus punya sertifikat?").intent == "kol.credibility")
        #expect(ask("apa bedanya KOL dari sisi kredibilitas?").intent == "difference.2")
    }
}

/// Clauses that only set the scene do not decide what is asked.
@Suite struct SceneTests {
    @Test func aSceneBeforeTheQuestionIsSetAside() {
        #expect(ask("jadi gini min, aku lagi bikin skripsi soal pemasaran digital, pembimbingku nanya kenapa KOL lebih dipercaya, bisa dijelasin?").intent == "kol.reasons")
        #expect(ask("hai kak, aku mahasiswa komunikasi, mau tanya nih, influencer itu sebenernya apa sih?").intent == "definition.influencer")
    }

    @Test func ofTwoAspectsTheQuestionClauseDecides() {
        #expect(ask("KOL itu ahli kan, lalu dia dapat kepercayaan dari mana?").intent == "kol.credibility")
    }

    @Test func clausesSplitAtSentencePunctuation() {
        #expect(ConversationEngine.clauses(of: "halo, apa itu KOL? makasih!").map(String.init) == ["halo", " apa itu KOL", " makasih"])
    }
}

/// Follow-ups after what both share, after both sides of a difference, and about "dia".
@Suite struct ConversationFollowUpTests {
    @Test func afterWhatBothShareAComparisonAsksForTheDifferences() {
        #expect(conversation(["apa persamaan KOL dan influencer?", "lalu perbedaannya apa?", "tapi kenapa dibilang beda?"])
            == ["both.common", "differences.list", "differences.why"])
    }

    @Test func oneSideOfTheDifferenceJustShown() {
        #expect(conversation(["apa perbedaan kedua?", "jelaskan dari sisi influencernya saja", "kalau sisi KOL?"])
            == ["difference.2", "influencer.credibility", "kol.credibility"])
    }

    @Test func diaStandsForTheSideTalkedAbout() {
        #expect(conversation(["KOL itu siapa sih?", "dia biasanya ketemu pengikutnya di mana?", "kenapa orang mau manut sama dia?"])
            == ["definition.kol", "kol.media", "kol.reasons"])
        let engine = TestPack.engine()
        _ = engine.reply(to: "apa itu KOL?", user: "d")
        let verdict = engine.reply(to: "apa dia selalu main medsos?", user: "d")
        #expect(verdict.intent == "kol.social_media")
        #expect(verdict.polarity == .no)
        // Without a side to stand for, "dia" is no sign of the article.
        #expect(ask("dia siapa sih?").intent == "fallback")
    }
}

/// Question forms: a definition word beside a how-word, "or" inside a yes/no question, the fifth difference.
@Suite struct FormTests {
    @Test func aMeaningAskedWithHowIsADefinition() {
        #expect(ask("influencer dikenal sebagai penentu tren, artinya gimana?").intent == "definition.influencer")
        #expect(ask("KOL yang suka ketemu langsung itu kan? definisinya gimana sih").intent == "definition.kol")
    }

    @Test func orInsideAYesNoQuestionKeepsTheVerdict() {
        let reply = ask("Is a KOL's fame usually limited to one city or region?")
        #expect(reply.intent == "kol.reach")
        #expect(reply.polarity == .yes)
        #expect(ask("Do KOLs meet followers online or offline?").polarity == nil)
    }

    @Test func theFifthDifferenceAskedAboutPayIsUnknown() {
        let reply = ask("Is the fifth difference about their income?")
        #expect(reply.intent == "difference.5")
        #expect(reply.polarity == .unknown)
    }

    @Test func beingAnExpertIsWhatAKOLIs() {
        let reply = ask("apakah seorang KOL wajib ahli?")
        #expect(reply.intent == "definition.kol")
        #expect(reply.polarity == .yes)
    }
}

/// Typos: swapped neighbours are corrected, a first letter is not replaced.
@Suite struct TypoTests {
    @Test func swappedLettersAndAbbreviations() {
        #expect(ask("infleuncer itu apa").intent == "definition.influencer")
        #expect(ask("K.O.L. tuh stnd for apa").intent == "definition.kol_term")
    }

    @Test func aFirstLetterIsNotReplaced() {
        #expect(TestPack.shared.analyzer.corrector.correction(of: "namanya") == nil)
        #expect(ask("namanya KOL itu apa sih").intent == "definition.kol")
    }
}

/// The classes of misses of the fresh probes written after that round.
@Suite struct FreshProbeClassTests {
    @Test func aRankingOfPeopleIsRefused() {
        #expect(ask("KOL mana yang paling berpengaruh di Indonesia?").intent == "fallback")
        #expect(ask("who has the most followers among influencers?").intent == "fallback")
        // "lebih banyak" is no ranking.
        #expect(ask("apakah KOL lebih banyak ketemu langsung?").intent == "kol.media")
    }

    @Test func onlyOfflineIsNo() {
        let reply = ask("apakah KOL cuma berinteraksi secara langsung?")
        #expect(reply.intent == "kol.media")
        #expect(reply.polarity == .no)
    }

    @Test func aMembershipTagAfterAFollowUpAsksYesOrNo() {
        let engine = TestPack.engine()
        _ = engine.reply(to: "influencer pakai platform apa saja?", user: "m")
        let reply = engine.reply(to: "kalau linkedin termasuk?", user: "m")
        #expect(reply.intent == "influencer.platforms")
        #expect(reply.polarity == .yes)
    }

    @Test func slangAndShortFormsOfWhy() {
        #expect(ask("y do ppl listen to influencers").intent == "influencer.reasons")
        let daily = ask("KOL punya kerjaan tetap gak sih?")
        #expect(daily.intent == "kol.daily")
        #expect(daily.polarity == .yes)
    }

    @Test func aFollowUpWithOnlyLinkingWordsContinuesTheAspect() {
        #expect(conversation(["influencer terkenalnya sampai mana?", "caranya biar makin dikenal gimana?"])
            == ["influencer.reach", "influencer.reach"])
    }

    @Test func aBareWhyAsksWhyTheLastAnswerHolds() {
        #expect(conversation(["what do KOLs and influencers have in common?", "and what is different?", "why though?"])
            == ["both.common", "differences.list", "differences.why"])
        #expect(conversation(["apakah KOL aktif di medsos?", "kenapa begitu?"]) == ["kol.social_media", "kol.social_media"])
    }
}
