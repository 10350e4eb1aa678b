import Foundation
import Testing

@Suite struct IntentsTests {
    @Test func shippedPackPassesTheCheck() throws {
        let result = try Kolbot.run(["intents", "check"])
        #expect(result.status == 0, "\(result.stdout)")
        #expect(result.stdout.contains("OK: no issues"))
    }

    @Test func brokenPackFailsTheCheck() throws {
        let directory = NSTemporaryDirectory() + "kolbot-pack-\(UUID().uuidString)"
        try FileManager.default.copyItem(atPath: Kolbot.packageRoot.appendingPathComponent("Intents").path, toPath: directory)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try """
            intents:
              - name: broken.intent
                question: {id: "Rusak?", en: "Broken?"}
                facts: [F-made-up]
                phrases: {id: [apa itu kol], en: [what is it]}
                answers: {id: "Jawaban."}
            """.write(toFile: directory + "/intents/99-broken.yaml", atomically: true, encoding: .utf8)
        let result = try Kolbot.run(["intents", "check", "--intents", directory])
        #expect(result.status == 1)
        #expect(result.stdout.contains("unknown-fact: broken.intent cites unknown fact F-made-up"))
        #expect(result.stdout.contains("missing-language: broken.intent has no answer in en"))
        #expect(result.stdout.contains("duplicate-phrase"))
    }

    /// An out-of-scope cue the list already holds ("cuaca"), or a strong cue of what the two share ("persamaan").
    @Test(arguments: [
        ("cuaca", "duplicate-cue: \"cuaca\" is listed twice for the same cue in understanding.yaml"),
        ("persamaan", "conflicting-cue: \"persamaan\" is listed both as out of scope and as an aspect or move cue"),
    ])
    func aBadOutOfScopeCueFailsTheCheck(cue: String, issue: String) throws {
        let directory = NSTemporaryDirectory() + "kolbot-pack-\(UUID().uuidString)"
        try FileManager.default.copyItem(atPath: Kolbot.packageRoot.appendingPathComponent("Intents").path, toPath: directory)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let file = directory + "/understanding.yaml"
        let understanding = try String(contentsOfFile: file, encoding: .utf8)
        try understanding.replacingOccurrences(of: "foreign: [ignore,", with: "foreign: [ignore, \(cue),")
            .write(toFile: file, atomically: true, encoding: .utf8)
        let result = try Kolbot.run(["intents", "check", "--intents", directory])
        #expect(result.status == 1)
        #expect(result.stdout.contains(issue))
    }

    @Test func leakingEvaluationFailsTheCheck() throws {
        let directory = NSTemporaryDirectory() + "kolbot-pack-\(UUID().uuidString)"
        try FileManager.default.copyItem(atPath: Kolbot.packageRoot.appendingPathComponent("Intents").path, toPath: directory)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try """
            cases:
              - turns:
                  - {text: "KOL tuh sebutan buat orang yang bagaimana sih sebenarnya", intent: definition.kol}
                  - {text: "Kalau influencer?", intent: definition.influencer}
            """.write(toFile: directory + "/eval/zz-leak.yaml", atomically: true, encoding: .utf8)
        let result = try Kolbot.run(["intents", "check", "--intents", directory])
        #expect(result.status == 1)
        #expect(result.stdout.contains("evaluation-in-training: evaluation turn \"Kalau influencer?\" (turn 2 of a conversation)"), "\(result.stdout)")
        #expect(!result.stdout.contains("sebenarnya\" (turn 1"))
    }

    @Test func listShowsIntents() throws {
        let result = try Kolbot.run(["intents", "list"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("difference.5"))
    }
}
