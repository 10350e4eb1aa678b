import Foundation
import Yams

/// One turn of an evaluation case: what the user says and the intent the bot should answer with.
public struct EvaluationTurn: Sendable, Equatable {
    /// The user's message.
    public var text: String
    /// The expected intent (`fallback` for out-of-scope messages).
    public var intent: String
    /// The expected answer language, when the case pins it.
    public var language: Language?
}

/// A conversation of one or more turns, run with a fresh user.
public struct EvaluationCase: Sendable, Equatable {
    /// The turns, in order.
    public var turns: [EvaluationTurn]
    /// The file the case came from.
    public var file: String
}

/// Loads evaluation cases from YAML files: `cases:` is a list of `{text, intent, lang?}` or `{turns: [...]}`.
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
                    let turns = entry.turns ?? [TurnSpec(text: entry.text ?? "", intent: entry.intent ?? "", lang: entry.lang)]
                    guard !turns.isEmpty, turns.allSatisfy({ !$0.intent.isEmpty }) else {
                        throw PackError(path: file.path, reason: "a case lacks turns or an expected intent")
                    }
                    cases.append(EvaluationCase(
                        turns: turns.map { EvaluationTurn(text: $0.text, intent: $0.intent, language: $0.lang.flatMap(Language.init(rawValue:))) },
                        file: file.path))
                }
            }
        }
        return cases
    }

    struct TurnSpec: Codable {
        var text: String
        var intent: String
        var lang: String?
    }

    struct CaseSpec: Codable {
        var text: String?
        var intent: String?
        var lang: String?
        var turns: [TurnSpec]?
    }

    struct FileSpec: Codable {
        var cases: [CaseSpec]
    }
}
