import ArgumentParser
import BotCore
import BotService
import Foundation

/// Where the knowledge pack is: `--intents DIR`, else `KOLBOT_INTENTS`, else `Intents`.
struct PackLocation: ParsableArguments {
    @Option(name: .long, help: "The knowledge pack directory (default: $KOLBOT_INTENTS or ./Intents).")
    var intents: String?

    var directory: String {
        intents ?? ProcessInfo.processInfo.environment["KOLBOT_INTENTS"] ?? "Intents"
    }

    /// Loads the pack, turning a load error into a clean exit with the message on stderr.
    func load() throws -> KnowledgePack {
        do {
            return try KnowledgePack.load(directory: directory)
        } catch {
            FileHandle.standardError.write(Data("kolbot: \(error)\n".utf8))
            throw ExitCode(2)
        }
    }
}

extension Language: ExpressibleByArgument {}

/// `kolbot ask`: answers one question, or a stream of JSON lines.
struct AskCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ask",
        abstract: "Answer a question about influencers and KOLs.",
        discussion: """
            With TEXT, prints the answer. With --jsonl, reads one JSON object per line on stdin \
            ({"user": "...", "text": "...", "lang": "id|en", "id": "..."}) and writes one answer object \
            per line on stdout, keeping each user's conversation state for the life of the process.
            """
    )

    @OptionGroup var pack: PackLocation

    @Option(help: "The user asking (keeps conversation state apart).")
    var user = "cli"

    @Option(help: "Answer language: id or en (default: detected).")
    var lang: Language?

    @Flag(help: "Print the answer object as JSON.")
    var json = false

    @Flag(help: "Read JSON lines on stdin and answer each on stdout.")
    var jsonl = false

    @Flag(help: "Show how the question is understood (entity, aspect, form, matcher) instead of answering; with --jsonl, explain lines starting with '?' and answer the others.")
    var explain = false

    @Argument(help: "The question.")
    var text: [String] = []

    func validate() throws {
        if jsonl && !text.isEmpty { throw ValidationError("give either TEXT or --jsonl, not both") }
        if !jsonl && text.isEmpty { throw ValidationError("missing the question TEXT (or use --jsonl)") }
    }

    func run() throws {
        let engine = ConversationEngine(pack: try pack.load())
        if jsonl {
            var session = JSONLinesSession(engine: engine)
            session.explain = explain
            while let line = readLine(strippingNewline: true) {
                FileHandle.standardOutput.write(Data(session.answer(line: line) + [UInt8(ascii: "\n")]))
            }
            return
        }
        if explain {
            print(engine.explanation(of: text.joined(separator: " ")))
            return
        }
        let question = Question(id: "cli-1", user: user, text: text.joined(separator: " "), language: lang)
        let reply = engine.reply(to: question.text, user: user, language: lang)
        if json {
            FileHandle.standardOutput.write(Data(Answer(replying: question, with: reply, timestampMs: currentTimeMs()).encoded() + [UInt8(ascii: "\n")]))
        } else {
            print(reply.text)
            if !reply.suggestions.isEmpty {
                print("")
                for suggestion in reply.suggestions { print("- \(suggestion)") }
            }
        }
    }
}

/// Answers JSON lines one by one with the service's wire format (the question decoder and the answer
/// schema of the topic contract); every input line yields exactly one output line.
struct JSONLinesSession {
    let engine: ConversationEngine
    /// Explain lines whose text starts with "?" instead of answering them (the conversation does not advance).
    var explain = false
    private let decoder = QuestionDecoder()
    private var lineNumber = 0

    init(engine: ConversationEngine) { self.engine = engine }

    /// The answer value for one input line.
    mutating func answer(line: String) -> [UInt8] {
        lineNumber += 1
        switch decoder.decode(value: Array(line.utf8), key: nil, defaultID: "stdin-\(lineNumber)") {
        case .success(let question):
            if explain, question.text.hasPrefix("?") {
                return Array(engine.explanation(of: String(question.text.dropFirst()), user: question.user).utf8)
            }
            let reply = engine.reply(to: question.text, user: question.user, language: question.language, questionId: question.id)
            return Answer(replying: question, with: reply, timestampMs: currentTimeMs()).encoded()
        case .failure(let error):
            return Answer(rejecting: error, user: error.user ?? "", timestampMs: currentTimeMs()).encoded()
        }
    }
}
