import ArgumentParser
import BotCore
import BotService
import Foundation
import KafkaTransport
import Logging
import ServiceLifecycle

/// `kolbot serve`: the answering service.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Answer questions from the questions topic as a consumer group member.",
        discussion: """
            Without --brokers (and KOLBOT_BROKERS) an embedded broker is started in-process and its address is \
            printed as the first line of standard output. Stops on SIGTERM or SIGINT: stops consuming, waits for \
            outstanding answers to be acknowledged, commits and leaves the group.
            """
    )

    @OptionGroup var kafka: KafkaOptions

    @Option(name: .long, help: "Consumer group. Env: KOLBOT_GROUP. Default: kolbot.")
    var group: String?

    @OptionGroup var pack: PackLocation

    @Option(name: .long, help: "Partitions per topic of the embedded broker.")
    var partitions = 6

    @Option(name: .long, help: "Longest question text accepted, in bytes. Env: KOLBOT_MAX_TEXT_BYTES. Default: 4096.")
    var maxTextBytes: Int?

    @Option(name: .long, help: "Largest question record accepted, in bytes. Env: KOLBOT_MAX_MESSAGE_BYTES. Default: 65536.")
    var maxMessageBytes: Int?

    @Option(name: .long, help: "Questions per second each user may ask; 0 turns the limit off. Env: KOLBOT_RATE_LIMIT. Default: 5.")
    var rateLimit: Double?

    @Option(name: .long, help: "Questions a user may ask in a burst before the rate applies. Env: KOLBOT_RATE_BURST. Default: 20.")
    var rateBurst: Double?

    @Option(name: .long, help: "Regular expression a reply_to topic must match. Env: KOLBOT_REPLY_TO_PATTERN. Default: any valid topic name except the service's own.")
    var replyToPattern: String?

    @Flag(help: "Delivery guarantee: --exactly-once (default; resume from the answers topic, needs co-partitioned topics) or --at-least-once. Env: KOLBOT_DELIVERY.")
    var delivery: DeliveryFlag?

    @OptionGroup var log: LogOptions

    func run() async throws {
        let logger = try log.bootstrap(label: "kolbot")
        let knowledge = try pack.load()
        var services: [any Service] = []
        var configuration = ServiceConfiguration(brokers: kafka.resolvedBrokers ?? "")
        configuration.groupID = group ?? Environment.value("KOLBOT_GROUP") ?? configuration.groupID
        try kafka.apply(to: &configuration)
        if let mode = delivery?.mode {
            configuration.delivery = mode
        } else if let text = Environment.value("KOLBOT_DELIVERY") {
            guard let mode = DeliveryMode(rawValue: text) else { throw ValidationError("KOLBOT_DELIVERY must be exactly-once or at-least-once") }
            configuration.delivery = mode
        }
        if let v = rateLimit ?? Environment.value("KOLBOT_RATE_LIMIT").flatMap(Double.init) {
            guard v >= 0 else { throw ValidationError("--rate-limit must not be negative") }
            configuration.rateLimit = v
        }
        if let v = rateBurst ?? Environment.value("KOLBOT_RATE_BURST").flatMap(Double.init) {
            guard v >= 1 else { throw ValidationError("--rate-burst must be at least 1") }
            configuration.rateBurst = v
        }
        if let v = replyToPattern ?? Environment.value("KOLBOT_REPLY_TO_PATTERN") { configuration.replyToPattern = v }
        if let v = maxTextBytes ?? Environment.value("KOLBOT_MAX_TEXT_BYTES").flatMap(Int.init) { configuration.limits.maxTextBytes = v }
        if let v = maxMessageBytes ?? Environment.value("KOLBOT_MAX_MESSAGE_BYTES").flatMap(Int.init) { configuration.limits.maxMessageBytes = v }
        if kafka.resolvedBrokers == nil {
            let cluster = try EmbeddedBroker.start(partitions: partitions, topics: EmbeddedBroker.topics(of: configuration), logger: logger)
            configuration.brokers = cluster.bootstrapServers
            configuration.kafka = ServiceConfiguration.embeddedDefaults.merging(configuration.kafka) { _, flag in flag }
            printFlushed(cluster.bootstrapServers)
            logger.info("embedded broker started", metadata: ["bootstrap": "\(cluster.bootstrapServers)"])
            services.append(BrokerHost(cluster: cluster))
        }
        services.append(AnswerService(configuration: configuration, pack: knowledge, logger: logger))
        let group = ServiceGroup(services: services, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
        try await group.run()
    }
}

/// `--exactly-once` / `--at-least-once`.
enum DeliveryFlag: String, EnumerableFlag {
    case exactlyOnce
    case atLeastOnce

    var mode: DeliveryMode { self == .exactlyOnce ? .exactlyOnce : .atLeastOnce }
}
