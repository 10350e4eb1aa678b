import ArgumentParser
import BotCore
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
            while let line = readLine(strippingNewline: true) {
                print(session.answer(line: line))
                fflush(nil)
            }
            return
        }
        let question = text.joined(separator: " ")
        let reply = engine.reply(to: question, user: user, language: lang)
        if json {
            print(AnswerObject(reply: reply, user: user, inReplyTo: "cli-1").jsonLine())
        } else {
            print(reply.text)
            if !reply.suggestions.isEmpty {
                print("")
                for suggestion in reply.suggestions { print("- \(suggestion)") }
            }
        }
    }
}

/// Answers JSON lines one by one; every input line yields exactly one output line.
struct JSONLinesSession {
    let engine: ConversationEngine
    private var lineNumber = 0

    init(engine: ConversationEngine) { self.engine = engine }

    mutating func answer(line: String) -> String {
        lineNumber += 1
        let fallbackId = "stdin-\(lineNumber)"
        guard let data = line.data(using: .utf8),
              let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
        else {
            return AnswerObject.error("invalid JSON object", inReplyTo: fallbackId, user: "").jsonLine()
        }
        let questionId = Self.idString(object["id"])
        let inReplyTo = questionId ?? fallbackId
        guard let user = object["user"] as? String, !user.isEmpty else {
            return AnswerObject.error("missing \"user\"", inReplyTo: inReplyTo, user: "").jsonLine()
        }
        guard let text = object["text"] as? String else {
            return AnswerObject.error("missing \"text\"", inReplyTo: inReplyTo, user: user).jsonLine()
        }
        var language: Language?
        if let code = object["lang"], !(code is NSNull) {
            guard let string = code as? String, let parsed = Language(rawValue: string) else {
                return AnswerObject.error("\"lang\" must be \"id\" or \"en\"", inReplyTo: inReplyTo, user: user).jsonLine()
            }
            language = parsed
        }
        let reply = engine.reply(to: text, user: user, language: language, questionId: questionId)
        return AnswerObject(reply: reply, user: user, inReplyTo: inReplyTo).jsonLine()
    }

    private static func idString(_ value: Any?) -> String? {
        switch value {
        case let string as String: return string
        case let number as NSNumber: return number.stringValue
        default: return nil
        }
    }
}

/// The answer object written by `ask --json` and `ask --jsonl`.
struct AnswerObject: Encodable {
    var id: String
    var inReplyTo: String
    var user: String
    var text: String
    var intent: String
    var confidence: Double
    var lang: String
    var fallback: Bool
    var suggestions: [String]
    var source: String?
    var facts: [String]
    var error: String?
    var ts: String

    enum CodingKeys: String, CodingKey {
        case id, user, text, intent, confidence, lang, fallback, suggestions, source, facts, error, ts
        case inReplyTo = "in_reply_to"
    }

    init(reply: Reply, user: String, inReplyTo: String) {
        id = Self.newId()
        self.inReplyTo = inReplyTo
        self.user = user
        text = reply.text
        intent = reply.intent
        confidence = (reply.confidence * 1000).rounded() / 1000
        lang = reply.language.rawValue
        fallback = reply.isFallback
        suggestions = reply.suggestions
        source = reply.source
        facts = reply.facts
        ts = Self.timestamp()
    }

    static func error(_ message: String, inReplyTo: String, user: String) -> AnswerObject {
        var object = AnswerObject(
            reply: Reply(text: "Error: \(message).", intent: "error", confidence: 0, language: .indonesian, isFallback: true),
            user: user, inReplyTo: inReplyTo)
        object.error = message
        return object
    }

    func jsonLine() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(self) else { return "{\"intent\":\"error\"}" }
        return String(decoding: data, as: UTF8.self)
    }

    private static func newId() -> String { UUID().uuidString.lowercased() }

    private static func timestamp() -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: Date())
    }
}
