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

    @Test func seenAndBlindSetsAreReportedApartAndBlindMissesStayHidden() throws {
        let directory = NSTemporaryDirectory() + "kolbot-pack-\(UUID().uuidString)"
        try FileManager.default.copyItem(atPath: Kolbot.packageRoot.appendingPathComponent("Intents").path, toPath: directory)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        for set in ["seen", "blind"] {
            try? FileManager.default.removeItem(atPath: directory + "/" + set)
            try FileManager.default.createDirectory(atPath: directory + "/" + set, withIntermediateDirectories: true)
        }
        // One miss in each: a greeting expected to be a definition.
        try """
            cases:
              - {text: "sebutkan semua hal yang membedakan KOL dari influencer", intent: differences.list}
              - {text: "selamat pagi semuanya", intent: definition.kol}
            """.write(toFile: directory + "/seen/set.yaml", atomically: true, encoding: .utf8)
        try """
            cases:
              - {text: "who is the richest person alive", intent: fallback}
              - {text: "halo halo bot", intent: definition.influencer}
            """.write(toFile: directory + "/blind/set.yaml", atomically: true, encoding: .utf8)
        let result = try Kolbot.run(["eval", "--intents", directory, "--min-accuracy", "0.95"])
        #expect(result.status == 0, "\(result.stdout)")
        let development = try #require(result.stdout.range(of: "== development set"))
        let seen = try #require(result.stdout.range(of: "== former blind sets"))
        let blind = try #require(result.stdout.range(of: "== blind set"))
        #expect(development.lowerBound < seen.lowerBound && seen.lowerBound < blind.lowerBound)
        #expect(result.stdout[blind.upperBound...].contains("turns: 2  cases: 2"))
        #expect(result.stdout[blind.upperBound...].contains("conversations fully right: 0.500 (1/2)"))
        // The seen set's miss is listed; the blind set's is not, unless asked for.
        #expect(result.stdout.contains("\"selamat pagi semuanya\""))
        #expect(!result.stdout.contains("halo halo bot"))
        #expect(result.stdout.contains("--show-blind-misses"))
        let shown = try Kolbot.run(["eval", "--intents", directory, "--show-blind-misses"])
        #expect(shown.stdout.contains("\"halo halo bot\""))
    }

    @Test func withoutABlindSetOnlyTheDevelopmentSetIsReported() throws {
        let result = try Kolbot.run(["eval"])
        #expect(!result.stdout.contains("== blind set") || FileManager.default.fileExists(
            atPath: Kolbot.packageRoot.appendingPathComponent("Intents/blind").path))
        #expect(result.stdout.contains("accuracy:"))
    }
}

