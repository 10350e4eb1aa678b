import Foundation
import Yams

/// One turn of an evaluation case: what the user says and the intent the bot should answer with.
public struct EvaluationTurn: Sendable, Equatable {
    /// The user's message.
    public var text: String
    /// The expected intent (`fallback` for out-of-scope messages); the first of ``intents``.
    public var intent: String
    /// Every intent accepted as right (any of them counts).
    public var intents: [String]
    /// The expected answer language, when the case pins it.
    public var language: Language?
    /// The verdict a yes/no answer must lead with, when the case pins it.
    public var polarity: Polarity?

    /// Creates a turn expecting any of `intents` (at least one).
    public init(text: String, intents: [String], language: Language? = nil, polarity: Polarity? = nil) {
        self.text = text
        self.intent = intents.first ?? ""
        self.intents = intents
        self.language = language
        self.polarity = polarity
    }

    /// Creates a turn expecting `intent`.
    public init(text: String, intent: String, language: Language? = nil, polarity: Polarity? = nil) {
        self.init(text: text, intents: [intent], language: language, polarity: polarity)
    }

    /// True when `reply` answers this turn right: one of the intents and, when pinned, the verdict and the language.
    public func accepts(_ reply: Reply) -> Bool {
        intents.contains(reply.intent) && (polarity == nil || reply.polarity == polarity)
            && (language == nil || reply.language == language)
    }
}

/// A conversation of one or more turns, run with a fresh user.
public struct EvaluationCase: Sendable, Equatable {
    /// The turns, in order.
    public var turns: [EvaluationTurn]
    /// The file the case came from.
    public var file: String
}

/// Loads evaluation cases from YAML files: `cases:` is a list of `{text, intent, lang?, polarity?}` or
/// `{turns: [...]}` of such turns; `intent` is a name or a list of names (any of them counts), `polarity`
/// is `yes`, `no` or `unknown` (the answer must lead with that verdict).
public enum EvaluationSet {
    /// The cases of every `.yaml` file among `paths` (files, or directories read non-recursively).
    public static func load(paths: [String]) throws -> [EvaluationCase] {
        var cases: [EvaluationCase] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw PackError(path: path, reason: "no such evaluation file or directory")
            }
            let files = isDirectory.boolValue
                ? try KnowledgePack.yamlFiles(in: URL(fileURLWithPath: path)) : [URL(fileURLWithPath: path)]
            for file in files {
                let spec: FileSpec = try KnowledgePack.decode(file)
                for entry in spec.cases {
                    let turns = entry.turns ?? [TurnSpec(text: entry.text ?? "", intent: entry.intent ?? .one(""), lang: entry.lang, polarity: entry.polarity)]
                    guard !turns.isEmpty, turns.allSatisfy({ !$0.intent.names.isEmpty && !$0.intent.names.contains("") }) else {
                        throw PackError(path: file.path, reason: "a case lacks turns or an expected intent")
                    }
                    var converted: [EvaluationTurn] = []
                    for turn in turns {
                        var polarity: Polarity?
                        if let name = turn.polarity {
                            guard let value = Polarity(rawValue: name) else {
                                throw PackError(path: file.path, reason: "unknown polarity \(name) (yes, no or unknown)")
                            }
                            polarity = value
                        }
                        converted.append(EvaluationTurn(
                            text: turn.text, intents: turn.intent.names,
                            language: turn.lang.flatMap(Language.init(rawValue:)), polarity: polarity))
                    }
                    cases.append(EvaluationCase(turns: converted, file: file.path))
                }
            }
        }
        return cases
    }

    /// An intent name, or a list of names any of which counts.
    enum ExpectedIntents: Codable {
        case one(String)
        case any([String])

        var names: [String] {
            switch self {
            case .one(let name): return [name]
            case .any(let names): return names
            }
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let name = try? container.decode(String.self) {
                self = .one(name)
            } else {
                self = .any(try container.decode([String].self))
            }
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .one(let name): try container.encode(name)
            case .any(let names): try container.encode(names)
            }
        }
    }

    struct TurnSpec: Codable {
        var text: String
        var intent: ExpectedIntents
        var lang: String?
        var polarity: String?
    }

    struct CaseSpec: Codable {
        var text: String?
        var intent: ExpectedIntents?
        var lang: String?
        var polarity: String?
        var turns: [TurnSpec]?
    }

    struct FileSpec: Codable {
        var cases: [CaseSpec]
    }
}
