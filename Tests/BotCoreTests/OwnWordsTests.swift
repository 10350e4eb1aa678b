import Foundation
import Testing
@testable import BotCore

@Suite struct OwnWordsTests {
    /// Answers are written in our own words: no answer repeats eight words in a row of the article,
    /// except its title (cited as the source).
    @Test(.enabled(if: SharedSource.exists("article-kantamedia-page1.txt")))
    func answersDoNotCopyTheArticle() throws {
        let article = try String(contentsOfFile: SharedSource.path("article-kantamedia-page1.txt"), encoding: .utf8)
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
