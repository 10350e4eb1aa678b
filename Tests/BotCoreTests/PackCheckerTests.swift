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
}
