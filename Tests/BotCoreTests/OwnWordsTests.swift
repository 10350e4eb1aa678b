import Foundation
import Testing
@testable import BotCore

/// The article as received (outside the repository, in the shared folder beside it).
private let articlePath = URL(fileURLWithPath: TestPack.directory)
    .deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("shared/source/article-kantamedia-page1.txt").path

@Suite struct OwnWordsTests {
    /// Answers are written in our own words: no answer repeats eight words in a row of the article,
    /// except its title (cited as the source).
    @Test(.enabled(if: FileManager.default.fileExists(atPath: articlePath)))
    func answersDoNotCopyTheArticle() throws {
        let article = try String(contentsOfFile: articlePath, encoding: .utf8)
        let title = TextCleaner.tokens("Ini 5 Perbedaan Influencer dan Key Opinion Leader")
        var words = TextCleaner.tokens(article)
        words.removeFirst(title.count)
        let length = 8
        let runs = Set((0...(words.count - length)).map { words[$0..<($0 + length)].joined(separator: " ") })
        for intent in TestPack.shared.intents {
            for (language, answer) in intent.answers {
                let answerWords = TextCleaner.tokens(answer)
                guard answerWords.count >= length else { continue }
                for start in 0...(answerWords.count - length) {
                    let run = answerWords[start..<(start + length)].joined(separator: " ")
                    let copied = runs.contains(run)
                    #expect(!copied, "\(intent.name) (\(language.rawValue)) copies \"\(run)\"")
                }
            }
        }
    }
}
