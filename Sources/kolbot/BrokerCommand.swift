import ArgumentParser
import BotService
import Foundation
import KafkaTransport
import Logging
import ServiceLifecycle

/// `kolbot broker`: librdkafka's mock cluster as a standalone process.
struct BrokerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "broker",
        abstract: "Run an embedded Kafka-protocol broker (librdkafka's mock cluster) for development and tests.",
        discussion: """
            Prints the bootstrap address as the first line of standard output and creates the questions, answers \
            and dead-letter topics. Everything is kept in memory (about 5 MiB per partition) and lost on exit. \
            Stops cleanly on SIGINT or SIGTERM. Fault injection on standard input, one command per line: \
            `down N` and `up N` (broker N, from 1), `leader TOPIC PARTITION N`.
            """
    )

    @Option(name: .long, help: "Number of brokers.")
    var brokerCount = 1

    @Option(name: .long, help: "Partitions per topic.")
    var partitions = 6

    @Option(name: .long, help: "Also write the bootstrap address to this file.")
    var addressFile: String?

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var log: LogOptions

    func validate() throws {
        guard (1...16).contains(brokerCount) else { throw ValidationError("--broker-count must be 1 to 16") }
        guard (1...256).contains(partitions) else { throw ValidationError("--partitions must be 1 to 256") }
    }

    func run() async throws {
        let settings = try SettingsResolver(configFile: connection.config)
        let logger = try log.bootstrap(label: "kolbot.broker", settings: settings)
        let (c, _) = try connection.resolve(settings)
        let cluster = try EmbeddedBroker.start(brokers: brokerCount, partitions: partitions, topics: EmbeddedBroker.topics(of: c), logger: logger)
        printFlushed(cluster.bootstrapServers)
        if let addressFile {
            try (cluster.bootstrapServers + "\n").write(toFile: addressFile, atomically: true, encoding: .utf8)
        }
        logger.info("broker ready", metadata: [LogKey.bootstrap: "\(cluster.bootstrapServers)", LogKey.count: "\(brokerCount)",
                                               "partitions": "\(partitions)", "topics": "\(EmbeddedBroker.topics(of: c))"])
        startConsole(cluster: cluster, logger: logger)
        let group = ServiceGroup(services: [BrokerHost(cluster: cluster)], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
        try await group.run()
        logger.info("broker stopped")
    }
}

/// Keeps an embedded cluster alive until graceful shutdown.
struct BrokerHost: Service {
    let cluster: MockCluster

    func run() async throws {
        try? await gracefulShutdown()
        withExtendedLifetime(cluster) {}
    }
}

/// Reads fault-injection commands from standard input until it closes.
private func startConsole(cluster: MockCluster, logger: Logger) {
    let thread = Thread {
        while let line = readLine() {
            let words = line.split(separator: " ").map(String.init)
            do {
                switch (words.first, words.count) {
                case ("down", 2):
                    guard let id = Int32(words[1]) else { throw ConfigurationError("down takes a broker number") }
                    try cluster.setBrokerDown(id)
                    logger.info("broker down", metadata: [LogKey.broker: "\(id)"])
                case ("up", 2):
                    guard let id = Int32(words[1]) else { throw ConfigurationError("up takes a broker number") }
                    try cluster.setBrokerUp(id)
                    logger.info("broker up", metadata: [LogKey.broker: "\(id)"])
                case ("leader", 4):
                    guard let p = Int32(words[2]), let id = Int32(words[3]) else { throw ConfigurationError("leader TOPIC PARTITION BROKER") }
                    try cluster.setLeader(TopicPartition(words[1], p), broker: id)
                    logger.info("leader moved", metadata: [LogKey.topic: "\(words[1])", LogKey.partition: "\(p)", LogKey.broker: "\(id)"])
                case (nil, _):
                    continue
                default:
                    logger.warning("unknown command; use: down N | up N | leader TOPIC PARTITION N", metadata: [LogKey.command: "\(line)"])
                }
            } catch {
                logger.warning("command failed", metadata: [LogKey.command: "\(line)", LogKey.error: "\(error)"])
            }
        }
    }
    thread.name = "broker-console"
    thread.start()
}
