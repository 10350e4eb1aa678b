import Foundation
import Testing
@testable import BotCore

@Suite struct EvaluationTests {
    @Test func shippedEvaluationSetMeetsTheAcceptanceBar() throws {
        let cases = try EvaluationSet.load(paths: [TestPack.directory + "/eval"])
        let report = Evaluator.run(cases, pack: TestPack.shared)
        #expect(report.turns >= 300)
        #expect(report.outOfScopeTurns >= 60)
        #expect(report.accuracy >= 0.95, "accuracy \(report.accuracy)")
        #expect(report.outOfScopePrecision >= 0.95, "out-of-scope precision \(report.outOfScopePrecision)")
        #expect(report.outOfScopeRecall >= 0.95, "out-of-scope recall \(report.outOfScopeRecall)")
        #expect(report.multiTurnCases >= 60)
        #expect(Double(report.multiTurnCorrect) >= 0.95 * Double(report.multiTurnCases), "multi-turn \(report.multiTurnCorrect)/\(report.multiTurnCases)")
    }

    @Test func metricsAreComputedFromThePairs() throws {
        let cases = [
            EvaluationCase(turns: [EvaluationTurn(text: "apa itu kol", intent: "definition.kol")], file: "t"),
            EvaluationCase(turns: [EvaluationTurn(text: "apa itu kol", intent: "definition.influencer")], file: "t"),
            EvaluationCase(turns: [EvaluationTurn(text: "resep soto ayam", intent: "fallback")], file: "t"),
        ]
        let report = Evaluator.run(cases, pack: TestPack.shared)
        #expect(report.turns == 3)
        #expect(report.correct == 2)
        let kol = try #require(report.intents.first { $0.intent == "definition.kol" })
        #expect(kol.precision == 0.5)
        #expect(kol.recall == 1)
        let influencer = try #require(report.intents.first { $0.intent == "definition.influencer" })
        #expect(influencer.recall == 0)
        #expect(report.confusions.first?.expected == "definition.influencer")
        #expect(report.outOfScopeRecall == 1)
        #expect(report.formatted().contains("accuracy: 0.667"))
    }

    @Test func aTurnInTheWrongLanguageIsAMiss() throws {
        // The right intent in the wrong language is not a right answer when the case pins the language.
        let cases = [
            EvaluationCase(turns: [EvaluationTurn(text: "what is a KOL?", intent: "definition.kol", language: .english)], file: "t"),
            EvaluationCase(turns: [EvaluationTurn(text: "what is a KOL?", intent: "definition.kol", language: .indonesian)], file: "t"),
        ]
        let report = Evaluator.run(cases, pack: TestPack.shared)
        #expect(report.correct == 1)
        #expect(report.casesCorrect == 1)
        #expect(report.misses.first?.expected == "definition.kol in id")
        #expect(report.misses.first?.predicted == "definition.kol in en")
    }

    @Test func multiTurnCasesAreLoaded() throws {
        let directory = NSTemporaryDirectory() + "kolbot-eval-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try """
            cases:
              - text: halo
                intent: greeting
              - turns:
                  - {text: "apa itu kol", intent: definition.kol}
                  - {text: "terima kasih", intent: thanks, lang: id}
            """.write(toFile: directory + "/set.yaml", atomically: true, encoding: .utf8)
        let cases = try EvaluationSet.load(paths: [directory])
        #expect(cases.count == 2)
        #expect(cases[1].turns.count == 2)
        #expect(cases[1].turns[1].language == .indonesian)
        let report = Evaluator.run(cases, pack: TestPack.shared)
        #expect(report.multiTurnCases == 1)
        #expect(report.multiTurnCorrect == 1)
    }
}
