import ArgumentParser
import BotCore
import BotService
import Foundation
import Logging

/// `kolbot load`: the load-test producer.
struct LoadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "load",
        abstract: "Send questions from many users, read the answers back, and report throughput, latency, loss and duplicates.",
        discussion: "Exits non-zero when any question is left unanswered."
    )

    @OptionGroup var connection: ConnectionOptions

    @Option(name: .long, help: "How many questions to send.")
    var questions = 1_000

    @Option(name: .long, help: "How many distinct users send them.")
    var users = 100

    @Option(name: .long, help: "Questions per second (default: as fast as possible).")
    var rate: Double?

    @Option(name: .long, help: "Seconds without a new answer after which the remaining questions count as lost.")
    var timeout: Double = 30

    @Flag(name: .long, help: "Print the figures as CSV (header and one row) instead of the report.")
    var csv = false

    @OptionGroup var pack: PackLocation
    @OptionGroup var log: LogOptions

    func validate() throws {
        guard questions > 0, users > 0 else { throw ValidationError("--questions and --users must be positive") }
    }

    func run() throws {
        let settings = try SettingsResolver(configFile: connection.config)
        let logger = try log.bootstrap(label: "kolbot.load", settings: settings, defaultLevel: .warning)
        let (configuration, embedded) = try connection.resolve(settings)
        guard !embedded else { throw ValidationError("--brokers (or KOLBOT_BROKERS) is required") }
        var options = LoadOptions(brokers: configuration.brokers, phrases: try loadPhrases())
        options.questionsTopic = configuration.questionsTopic
        options.answersTopic = configuration.answersTopic
        options.questions = questions
        options.users = users
        options.rate = rate
        options.idleTimeout = timeout
        options.kafka = configuration.kafka
        let interactive = isatty(STDERR_FILENO) != 0
        let report = try LoadGenerator(options: options, logger: logger).run { p in
            let line = String(format: "sent %d  answered %d  %.1f s", p.sent, p.answered, p.elapsed)
            FileHandle.standardError.write(Data((interactive ? "\r\(line)   " : "\(line)\n").utf8))
        }
        if interactive { FileHandle.standardError.write(Data("\n".utf8)) }
        if csv {
            print(LoadReport.csvHeader)
            print(report.csvRow)
        } else {
            print(report.text)
        }
        if report.lost > 0 { throw ExitCode(1) }
    }

    /// The evaluation utterances of the pack (`Intents/eval/`): questions as real users write them.
    private func loadPhrases() throws -> [String] {
        let directory = pack.directory + "/eval"
        let phrases = try EvaluationSet.load(paths: [directory]).flatMap { $0.turns.map(\.text) }
        guard !phrases.isEmpty else { throw ConfigurationError("no evaluation phrases under \(directory)") }
        return phrases
    }
}
