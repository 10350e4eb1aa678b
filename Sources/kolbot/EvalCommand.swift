import ArgumentParser
import BotCore
import Foundation

/// `kolbot eval`: runs evaluation sets through the conversation core and reports the scores.
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Evaluate the knowledge pack on evaluation sets.",
        discussion: """
            Without FILES: the development set <intents>/eval and, when the directory <intents>/blind exists, \
            the blind set, each reported on its own (the thresholds apply to the development set). With FILES: \
            just those, in one report.
            """
    )

    @OptionGroup var pack: PackLocation

    @Option(help: "Exit non-zero when accuracy (of the development set) is below this value (0...1).")
    var minAccuracy: Double?

    @Option(help: "Also exit non-zero when out-of-scope precision (of the development set) is below this value (0...1).")
    var minOutOfScopePrecision: Double?

    @Option(help: "How many misses to list.")
    var misses = 30

    @Argument(help: "Evaluation YAML files or directories.")
    var files: [String] = []

    /// One set to evaluate: a title (nil when only one set is run) and its paths.
    private struct EvaluationTarget {
        var title: String?
        var paths: [String]
        var checked: Bool
    }

    func run() throws {
        let knowledge = try pack.load()
        var targets: [EvaluationTarget] = []
        if files.isEmpty {
            let development = pack.directory + "/eval"
            let blind = pack.directory + "/blind"
            var isDirectory: ObjCBool = false
            let hasBlind = FileManager.default.fileExists(atPath: blind, isDirectory: &isDirectory) && isDirectory.boolValue
            targets.append(EvaluationTarget(title: hasBlind ? "development set (\(development))" : nil, paths: [development], checked: true))
            if hasBlind { targets.append(EvaluationTarget(title: "blind set (\(blind))", paths: [blind], checked: false)) }
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
            print(report.formatted(missLimit: misses))
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
