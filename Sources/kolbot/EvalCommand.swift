import ArgumentParser
import BotCore
import Foundation

/// `kolbot eval`: runs evaluation sets through the conversation core and reports the scores.
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Evaluate the knowledge pack on evaluation sets.",
        discussion: """
            Without FILES: the development set <intents>/eval, the former blind sets <intents>/seen (written \
            without seeing the pack, their misses since looked at) and the blind set <intents>/blind (never \
            looked at: its misses are not listed unless --show-blind-misses), each reported on its own when \
            present (the thresholds apply to the development set). With FILES: just those, in one report.
            """
    )

    @OptionGroup var pack: PackLocation

    @Option(help: "Exit non-zero when accuracy (of the development set) is below this value (0...1).")
    var minAccuracy: Double?

    @Option(help: "Also exit non-zero when out-of-scope precision (of the development set) is below this value (0...1).")
    var minOutOfScopePrecision: Double?

    @Option(help: "How many misses to list.")
    var misses = 30

    @Flag(help: "List the blind set's misses too (reading them makes it a seen set).")
    var showBlindMisses = false

    @Argument(help: "Evaluation YAML files or directories.")
    var files: [String] = []

    /// One set to evaluate: a title (nil when only one set is run) and its paths.
    private struct EvaluationTarget {
        var title: String?
        var paths: [String]
        var checked: Bool
        var listsMisses = true
    }

    func run() throws {
        let knowledge = try pack.load()
        var targets: [EvaluationTarget] = []
        if files.isEmpty {
            let development = pack.directory + "/eval"
            func exists(_ directory: String) -> Bool {
                var isDirectory: ObjCBool = false
                return FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) && isDirectory.boolValue
            }
            let seen = pack.directory + "/seen"
            let blind = pack.directory + "/blind"
            let alone = !exists(seen) && !exists(blind)
            targets.append(EvaluationTarget(title: alone ? nil : "development set (\(development))", paths: [development], checked: true))
            if exists(seen) {
                targets.append(EvaluationTarget(title: "former blind sets, misses looked at (\(seen))", paths: [seen], checked: false))
            }
            if exists(blind) {
                targets.append(EvaluationTarget(title: "blind set (\(blind))", paths: [blind], checked: false, listsMisses: showBlindMisses))
            }
        } else {
            targets.append(EvaluationTarget(title: nil, paths: files, checked: true))
        }
        var failed = false
        for (number, target) in targets.enumerated() {
            let cases: [EvaluationCase]
            do {
                cases = try EvaluationSet.load(paths: target.paths)
            } catch {
                FileHandle.standardError.write(Data("kolbot: \(error)\n".utf8))
                throw ExitCode(2)
            }
            if number > 0 { print("") }
            if let title = target.title { print("== \(title) ==") }
            let report = Evaluator.run(cases, pack: knowledge)
            print(report.formatted(confusionLimit: target.listsMisses ? 10 : 0, missLimit: target.listsMisses ? misses : 0))
            if !target.listsMisses { print("(misses not listed: --show-blind-misses lists them)") }
            guard target.checked else { continue }
            if let minAccuracy, report.accuracy < minAccuracy {
                print("FAIL: accuracy \(String(format: "%.3f", report.accuracy)) is below \(minAccuracy)")
                failed = true
            }
            if let minOutOfScopePrecision, report.outOfScopePrecision < minOutOfScopePrecision {
                print("FAIL: out-of-scope precision \(String(format: "%.3f", report.outOfScopePrecision)) is below \(minOutOfScopePrecision)")
                failed = true
            }
        }
        if failed { throw ExitCode(1) }
    }
}
