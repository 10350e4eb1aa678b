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
}
