import Foundation
import Testing
@testable import BotCore

@Suite struct FactsFileTests {
    /// `Intents/facts.yaml` holds exactly the fact ids of facts.md.
    @Test(.enabled(if: SharedSource.exists("facts.md")))
    func factsYamlMatchesFactsMd() throws {
        let markdown = try String(contentsOfFile: SharedSource.path("facts.md"), encoding: .utf8)
        var ids: Set<String> = []
        for line in markdown.split(separator: "\n") {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard trimmed.hasPrefix("- F-") else { continue }
            let id = trimmed.dropFirst(2).prefix { $0 != ":" && $0 != " " }
            ids.insert(String(id))
        }
        #expect(ids.count >= 20)
        #expect(Set(TestPack.shared.facts.map(\.id)) == ids)
    }
}
