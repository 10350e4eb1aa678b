import Foundation
import Testing
@testable import BotCore

@Suite struct PackCheckerTests {
    @Test func shippedPackPassesTheCheck() throws {
        let cases = try EvaluationSet.load(paths: [TestPack.directory + "/eval"])
        let issues = PackChecker.check(TestPack.shared, evaluation: cases)
        #expect(issues.isEmpty, "\(issues)")
    }

    @Test func brokenPackFailsTheCheckOnEveryKind() throws {
        let directory = try TemporaryPack.copyOfShipped()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try """
            intents:
              - name: broken.one
                question: {id: "Rusak?"}
                facts: [F-nope-9]
                suggestions: [no.such.intent]
                phrases:
                  id: [apa itu kol, halo, berapa harga cabai rawit]
                  en: [broken english phrase]
                answers:
                  id: "Baca juga: berita lain."
              - name: broken.followup
                followup: sideways
                question: {id: "Miring?", en: "Sideways?"}
                phrases: {id: [miring ke samping], en: [go sideways]}
            """.write(toFile: directory + "/intents/95-broken.yaml", atomically: true, encoding: .utf8)
        // Drop every citation of F-d4-1 so it becomes unused.
        for file in ["30-differences.yaml", "25-sides.yaml"] {
            let path = directory + "/intents/" + file
            let text = try String(contentsOfFile: path, encoding: .utf8)
            try text.replacingOccurrences(of: "F-d4-1, ", with: "").replacingOccurrences(of: "[F-d4-1]", with: "[F-d4-2]")
                .write(toFile: path, atomically: true, encoding: .utf8)
        }
        // List an out-of-scope cue twice, and a strong cue of what the two share as out of scope.
        let understanding = directory + "/understanding.yaml"
        try String(contentsOfFile: understanding, encoding: .utf8).replacingOccurrences(of: "foreign: [ignore,", with: "foreign: [ignore, cuaca, persamaan,")
            .write(toFile: understanding, atomically: true, encoding: .utf8)
        try """
            cases:
              - {text: "berapa harga cabai rawit", intent: fallback}
              - {text: "sesuatu", intent: not.an.intent}
            """.write(toFile: directory + "/eval/zz-leak.yaml", atomically: true, encoding: .utf8)

        let pack = try KnowledgePack.load(directory: directory)
        let cases = try EvaluationSet.load(paths: [directory + "/eval"])
        let kinds = Set(PackChecker.check(pack, evaluation: cases).map(\.kind))
        #expect(kinds == Set(PackIssue.Kind.allCases), "missing \(Set(PackIssue.Kind.allCases).subtracting(kinds))")
    }

    @Test func evaluationLeaksAreFlaggedInEveryTurnOfEveryCase() throws {
        let cases = [
            // Equal after normalisation ("apa itu KOL??" = "apa itu kol"), in a single-turn case.
            EvaluationCase(turns: [EvaluationTurn(text: "Apa itu KOL??", intent: "definition.kol")], file: "a.yaml"),
            // A follow-up turn equal to a follow-up phrase ("selanjutnya dong" = "selanjutnya"), whatever it expects.
            EvaluationCase(turns: [
                EvaluationTurn(text: "perbedaan KOL dan influencer tuh di bagian apa saja", intent: "differences.list"),
                EvaluationTurn(text: "selanjutnya dong", intent: "difference.1"),
            ], file: "b.yaml"),
            // One word away from a phrase of the expected intent ("kol meaning" + "pls").
            EvaluationCase(turns: [
                EvaluationTurn(text: "halo kak, selamat datang di sini", intent: "greeting"),
                EvaluationTurn(text: "kol meaning pls", intent: "definition.kol"),
            ], file: "c.yaml"),
        ]
        let leaks = PackChecker.check(TestPack.shared, evaluation: cases).filter { $0.kind == .evaluationInTraining }
        #expect(leaks.count == 3, "\(leaks)")
        #expect(leaks.contains { $0.message.contains("\"selanjutnya dong\" (turn 2 of a conversation)") && $0.message.contains("equals") })
        #expect(leaks.contains { $0.message.contains("\"kol meaning pls\"") && $0.message.contains("nearly equals") })
    }

    @Test func newWordingIsNotALeak() {
        let overlap = TrainingOverlap(pack: TestPack.shared)
        // Two words away from every phrase of its intent.
        #expect(overlap.finding(for: EvaluationTurn(text: "KOL tuh sebutan buat orang yang bagaimana sih sebenarnya", intent: "definition.kol")) == nil)
        // One word away from a phrase of another intent: a different question, not a leak.
        #expect(overlap.finding(for: EvaluationTurn(text: "perbedaan kelima", intent: "difference.4")) != nil)
        #expect(overlap.finding(for: EvaluationTurn(text: "perbedaan keempat tuh soal apa", intent: "difference.4")) == nil)
    }

    @Test func wordDistanceCountsWordEdits() {
        #expect(TrainingOverlap.wordDistance(["apa", "itu", "kol"], ["apa", "itu", "kol"]) == 0)
        #expect(TrainingOverlap.wordDistance(["apa", "itu", "kol"], ["apa", "kol"]) == 1)
        #expect(TrainingOverlap.wordDistance(["apa", "itu", "kol"], ["siapa", "itu", "influencer"]) == 2)
    }
}

