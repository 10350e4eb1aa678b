import Testing
@testable import BotCore

/// Every answer the pack can produce, and every evaluation utterance, is free of site navigation,
/// and every answer exists in both languages.
@Suite struct AnswerHygieneTests {
    @Test func everyAnswerExistsInBothLanguagesWithoutNavigation() {
        for intent in TestPack.shared.intents where intent.followUp == nil {
            for language in Language.allCases {
                let answer = intent.answers[language]
                #expect(answer?.isEmpty == false, "\(intent.name) lacks \(language.rawValue)")
                #expect(!NavigationText.contains(in: answer ?? ""), "\(intent.name) \(language.rawValue)")
                #expect(intent.question[language]?.isEmpty == false, "\(intent.name) question \(language.rawValue)")
            }
        }
    }

    @Test func everyEvaluationUtteranceGetsACleanAnswerInBothLanguages() throws {
        let cases = try EvaluationSet.load(paths: [TestPack.directory + "/eval"])
        #expect(cases.count >= 300)
        let engine = TestPack.engine()
        for (number, evaluationCase) in cases.enumerated() {
            for language in Language.allCases {
                for turn in evaluationCase.turns {
                    let reply = engine.reply(to: turn.text, user: "hygiene-\(language.rawValue)-\(number)", language: language)
                    #expect(!reply.text.isEmpty)
                    #expect(reply.language == language)
                    #expect(!NavigationText.contains(in: reply.text), "\"\(turn.text)\" -> \(reply.intent)")
                    for suggestion in reply.suggestions { #expect(!NavigationText.contains(in: suggestion)) }
                }
            }
        }
    }

    @Test func navigationDetectorFindsTheArticleFooter() {
        #expect(NavigationText.contains(in: "Baca juga:  MAXY Academy Berkolaborasi dengan 80 Perusahaan Mitra"))
        #expect(NavigationText.contains(in: "Bagikan berita ini"))
        #expect(NavigationText.contains(in: "KANTAMEDIA CHANNEL"))
        #expect(!NavigationText.contains(in: "Influencer memengaruhi pengikutnya lewat media sosial."))
    }

    @Test func footballIsNeverAnsweredWithADefinition() {
        let engine = TestPack.engine()
        for text in ["siapa juara liga champions tahun lalu?", "who won the football match yesterday",
                     "jadwal sepak bola malam ini", "skor real madrid vs barcelona"] {
            let reply = engine.reply(to: text, user: "football")
            #expect(!reply.intent.hasPrefix("definition"), "\(text) -> \(reply.intent)")
            #expect(reply.isFallback, "\(text) -> \(reply.intent)")
        }
    }
}
