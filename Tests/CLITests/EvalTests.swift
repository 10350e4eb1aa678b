import Foundation
import Testing

@Suite struct EvalTests {
    @Test func shippedEvaluationPassesTheBar() throws {
        let result = try Kolbot.run(["eval", "--min-accuracy", "0.95", "--min-out-of-scope-precision", "0.95"])
        #expect(result.status == 0, "\(result.stdout)")
        #expect(result.stdout.contains("accuracy:"))
        #expect(result.stdout.contains("out-of-scope: precision"))
        #expect(result.stdout.contains("most frequent confusions"))
        #expect(result.stdout.contains("definition.kol"))
    }

    @Test func unreachableBarFails() throws {
        let result = try Kolbot.run(["eval", "--min-accuracy", "1.01"])
        #expect(result.status == 1)
        #expect(result.stdout.contains("FAIL: accuracy"))
    }

    @Test func givenFileIsEvaluated() throws {
        let file = NSTemporaryDirectory() + "kolbot-eval-\(UUID().uuidString).yaml"
        try """
            cases:
              - {text: "apa sih KOL itu", intent: definition.kol}
              - turns:
                  - {text: "hai", intent: greeting}
                  - {text: "makasih banyak", intent: thanks}
            """.write(toFile: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: file) }
        let result = try Kolbot.run(["eval", file])
        #expect(result.status == 0)
        #expect(result.stdout.contains("turns: 3  cases: 2  multi-turn cases: 1"))
    }

    @Test func blindSetIsReportedApartFromTheDevelopmentSet() throws {
        let directory = NSTemporaryDirectory() + "kolbot-pack-\(UUID().uuidString)"
        try FileManager.default.copyItem(atPath: Kolbot.packageRoot.appendingPathComponent("Intents").path, toPath: directory)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try? FileManager.default.removeItem(atPath: directory + "/blind")
        try FileManager.default.createDirectory(atPath: directory + "/blind", withIntermediateDirectories: true)
        try """
            cases:
              - {text: "sebutkan semua hal yang membedakan KOL dari influencer", intent: differences.list}
              - {text: "who is the richest person alive", intent: fallback}
            """.write(toFile: directory + "/blind/set.yaml", atomically: true, encoding: .utf8)
        let result = try Kolbot.run(["eval", "--intents", directory, "--min-accuracy", "0.95"])
        #expect(result.status == 0, "\(result.stdout)")
        let development = try #require(result.stdout.range(of: "== development set"))
        let blind = try #require(result.stdout.range(of: "== blind set"))
        #expect(development.lowerBound < blind.lowerBound)
        #expect(result.stdout[blind.upperBound...].contains("turns: 2  cases: 2"))
        #expect(result.stdout.contains("conversations fully right:"))
        #expect(result.stdout.contains("per file:"))
    }

    @Test func withoutABlindSetOnlyTheDevelopmentSetIsReported() throws {
        let result = try Kolbot.run(["eval"])
        #expect(!result.stdout.contains("== blind set") || FileManager.default.fileExists(
            atPath: Kolbot.packageRoot.appendingPathComponent("Intents/blind").path))
        #expect(result.stdout.contains("accuracy:"))
    }
}

