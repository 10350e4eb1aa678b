import ArgumentParser
import BotCore
import Foundation

/// `kolbot eval`: runs evaluation sets through the conversation core and reports the scores.
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Evaluate the knowledge pack on evaluation sets (default: <intents>/eval/)."
    )

    @OptionGroup var pack: PackLocation

    @Option(help: "Exit non-zero when accuracy is below this value (0...1).")
    var minAccuracy: Double?

    @Option(help: "Also exit non-zero when out-of-scope precision is below this value (0...1).")
    var minOutOfScopePrecision: Double?

    @Option(help: "How many misses to list.")
    var misses = 30

    @Argument(help: "Evaluation YAML files or directories.")
    var files: [String] = []

    func run() throws {
        let knowledge = try pack.load()
        let paths = files.isEmpty ? [pack.directory + "/eval"] : files
        let cases: [EvaluationCase]
        do {
            cases = try EvaluationSet.load(paths: paths)
        } catch {
            FileHandle.standardError.write(Data("kolbot: \(error)\n".utf8))
            throw ExitCode(2)
        }
        let report = Evaluator.run(cases, pack: knowledge)
        print(report.formatted(missLimit: misses))
        var failed = false
        if let minAccuracy, report.accuracy < minAccuracy {
            print("FAIL: accuracy \(String(format: "%.3f", report.accuracy)) is below \(minAccuracy)")
            failed = true
        }
        if let minOutOfScopePrecision, report.outOfScopePrecision < minOutOfScopePrecision {
            print("FAIL: out-of-scope precision \(String(format: "%.3f", report.outOfScopePrecision)) is below \(minOutOfScopePrecision)")
            failed = true
        }
        if failed { throw ExitCode(1) }
    }
}
