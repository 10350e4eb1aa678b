import Foundation
import Testing
@testable import BotCore

@Suite struct PackLoadingTests {
    @Test func shippedPackLoads() {
        let pack = TestPack.shared
        #expect(pack.intents.count >= 20)
        #expect(pack.intent(named: "definition.kol") != nil)
        #expect(pack.intent(named: pack.fallbackIntent) != nil)
        #expect(pack.facts.contains { $0.id == "F-d3-4" })
    }

    @Test func missingDirectoryErrorNamesThePath() {
        let path = "/nonexistent/kolbot-intents"
        #expect {
            _ = try KnowledgePack.load(directory: path)
        } throws: { error in
            "\(error)".contains(path)
        }
    }

    @Test func invalidFileErrorNamesTheFile() throws {
        let directory = try TemporaryPack.copyOfShipped()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try "facts: [not: a: list".write(toFile: directory + "/facts.yaml", atomically: true, encoding: .utf8)
        #expect {
            _ = try KnowledgePack.load(directory: directory)
        } throws: { error in
            "\(error)".contains(directory + "/facts.yaml")
        }
    }

    @Test func calibrationIsFitted() {
        let calibration = TestPack.shared.calibration
        #expect(calibration.scoreWeight > 0)
        let strong = MatchScores(best: 0, bestScore: 0.9, second: 1, secondScore: 0.2)
        let weak = MatchScores(best: 0, bestScore: 0.15, second: 1, secondScore: 0.14)
        #expect(calibration.confidence(strong) > 0.5)
        #expect(calibration.confidence(weak) < 0.5)
    }
}

/// Copies of the shipped pack in a temporary directory, to break on purpose.
enum TemporaryPack {
    static func copyOfShipped() throws -> String {
        let target = NSTemporaryDirectory() + "kolbot-pack-" + UUID().uuidString
        try FileManager.default.copyItem(atPath: TestPack.directory, toPath: target)
        return target
    }
}
