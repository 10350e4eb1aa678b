import ArgumentParser
import BotCore
import Foundation

/// `kolbot intents`: tools for the knowledge pack.
struct IntentsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "intents",
        abstract: "Inspect and validate the knowledge pack.",
        subcommands: [Check.self, List.self]
    )

    /// `kolbot intents check`: validates the pack and its held-out evaluation set.
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Validate the pack: unknown intents or facts, duplicate or misrouted phrases, unused facts, "
                + "missing languages, navigation text, evaluation phrases that leak into training."
        )

        @OptionGroup var pack: PackLocation

        @Option(name: .customLong("evaluation"), help: "Evaluation files or directories to check against training (repeatable; default: <intents>/eval).")
        var evaluation: [String] = []

        func run() throws {
            let knowledge = try pack.load()
            let paths = evaluation.isEmpty ? [pack.directory + "/eval"] : evaluation
            let cases: [EvaluationCase]
            if evaluation.isEmpty, !FileManager.default.fileExists(atPath: paths[0]) {
                cases = []
            } else {
                do {
                    cases = try EvaluationSet.load(paths: paths)
                } catch {
                    FileHandle.standardError.write(Data("kolbot: \(error)\n".utf8))
                    throw ExitCode(2)
                }
            }
            let issues = PackChecker.check(knowledge, evaluation: cases)
            let phrases = knowledge.intents.reduce(0) { $0 + ($1.phrases[.indonesian]?.count ?? 0) + ($1.phrases[.english]?.count ?? 0) }
            print("pack \(knowledge.name): \(knowledge.intents.count) intents, \(phrases) training phrases, "
                + "\(knowledge.facts.count) facts, \(cases.count) evaluation cases")
            for issue in issues { print(issue) }
            if issues.isEmpty {
                print("OK: no issues")
            } else {
                print("FAIL: \(issues.count) issue(s)")
                throw ExitCode(1)
            }
        }
    }

    /// `kolbot intents list`: the intents with their facts and phrase counts.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the intents of the pack.")

        @OptionGroup var pack: PackLocation

        func run() throws {
            let knowledge = try pack.load()
            for intent in knowledge.intents {
                let id = intent.phrases[.indonesian]?.count ?? 0
                let en = intent.phrases[.english]?.count ?? 0
                print("\(intent.name)  phrases id=\(id) en=\(en)  facts=\(intent.facts.joined(separator: ","))")
            }
        }
    }
}
