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

    @Flag(name: .long, help: "Measure the service in both delivery modes on an embedded broker (no --brokers) and print the reports side by side.")
    var compareDelivery = false

    @Option(name: .long, help: "With --compare-delivery: rounds per mode (alternating order); the best throughput of each mode is compared.")
    var rounds = 3

    @OptionGroup var pack: PackLocation
    @OptionGroup var log: LogOptions

    func validate() throws {
        guard questions > 0, users > 0 else { throw ValidationError("--questions and --users must be positive") }
    }

    func run() throws {
        let settings = try SettingsResolver(configFile: connection.config)
        let logger = try log.bootstrap(label: "kolbot.load", settings: settings, defaultLevel: .warning)
        let (configuration, embedded) = try connection.resolve(settings)
        if compareDelivery {
            guard embedded else { throw ValidationError("--compare-delivery runs its own embedded broker; drop --brokers") }
            try compare(configuration, logger: logger)
            return
        }
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

    /// Runs the same load against an in-process service in each delivery mode, each run on a fresh embedded
    /// broker, alternating the order over `rounds` rounds (the machine is noisy); prints the best run of each
    /// mode side by side.
    private func compare(_ base: ServiceConfiguration, logger: Logger) throws {
        let phrases = try loadPhrases()
        let knowledge = try pack.load()
        var best: [DeliveryMode: LoadReport] = [:]
        for round in 0..<max(rounds, 1) {
            let order = round % 2 == 0 ? DeliveryMode.allCases : DeliveryMode.allCases.reversed()
            for mode in order {
                let report = try measure(mode, base: base, knowledge: knowledge, phrases: phrases, logger: logger)
                FileHandle.standardError.write(Data(String(format: "round %d %@: %.0f answers/s, %d lost, %d duplicates\n",
                                                           round + 1, mode.rawValue, report.throughput, report.lost, report.duplicates).utf8))
                if report.lost > 0 { throw ExitCode(1) }
                if report.throughput > best[mode]?.throughput ?? -1 { best[mode] = report }
            }
        }
        let modes = DeliveryMode.allCases
        let columns = modes.map { best[$0]!.text.split(separator: "\n").map(String.init) }
        print("best run of each mode over \(max(rounds, 1)) rounds")
        print(modes.map { ("[" + $0.rawValue + "]").padding(toLength: 40, withPad: " ", startingAt: 0) }.joined())
        for row in 0..<(columns.map(\.count).min() ?? 0) {
            print(columns.map { $0[row].padding(toLength: 40, withPad: " ", startingAt: 0) }.joined())
        }
        for mode in [DeliveryMode.exactlyOnce, .transactional] {
            let ratio = best[mode]!.throughput / max(best[.atLeastOnce]!.throughput, 1)
            print(String(format: "throughput %@ / at-least-once: %.2f", mode.rawValue, ratio))
        }
        print("(on the embedded mock cluster, transactions cost their round trips but guarantee nothing)")
    }

    private func measure(_ mode: DeliveryMode, base: ServiceConfiguration, knowledge: KnowledgePack, phrases: [String],
                         logger: Logger) throws -> LoadReport {
        let cluster = try EmbeddedBroker.start(topics: EmbeddedBroker.topics(of: base), logger: logger)
        var configuration = base
        configuration.brokers = cluster.bootstrapServers
        configuration.kafka = ServiceConfiguration.embeddedDefaults.merging(base.kafka) { _, flag in flag }
        configuration.delivery = mode
        configuration.rateLimit = 0
        let worker = AnswerWorker(configuration: configuration, pack: knowledge, logger: logger)
        try worker.start()
        while worker.health.assignedPartitions == 0 { usleep(50_000) }
        var options = LoadOptions(brokers: cluster.bootstrapServers, phrases: phrases)
        options.questions = questions
        options.users = users
        options.rate = rate
        options.idleTimeout = timeout
        let report = try LoadGenerator(options: options, logger: logger).run()
        worker.stop()
        try worker.join()
        withExtendedLifetime(cluster) {}
        return report
    }

    /// The evaluation utterances of the pack (`Intents/eval/`): questions as real users write them.
    private func loadPhrases() throws -> [String] {
        let directory = pack.directory + "/eval"
        let phrases = try EvaluationSet.load(paths: [directory]).flatMap { $0.turns.map(\.text) }
        guard !phrases.isEmpty else { throw ConfigurationError("no evaluation phrases under \(directory)") }
        return phrases
    }
}
