import ArgumentParser
import BotCore
import BotService
import Foundation
import KafkaTransport
import Logging
import Metrics
import Prometheus
import ServiceLifecycle

/// Settings of the answering service beyond the connection.
struct ServiceOptions: ParsableArguments {
    @Option(name: .long, help: "Consumer group. Env: KOLBOT_GROUP. Default: kolbot.")
    var group: String?

    @Flag(help: "Delivery guarantee: --exactly-once (default; resume from the answers topic, needs co-partitioned topics), --transactional (Kafka transactions; for real clusters) or --at-least-once. Env: KOLBOT_DELIVERY.")
    var delivery: DeliveryFlag?

    @Option(name: .long, help: "A stable name of this instance (e.g. the pod name of a StatefulSet): the consumer's group.instance.id (static membership) and part of the client id. Env: KOLBOT_INSTANCE_ID. Default: none (dynamic member).")
    var instanceId: String?

    @Option(name: .long, help: "Prefix of the transactional ids, one per question partition (<prefix>-<topic>-<partition>). Env: KOLBOT_TRANSACTIONAL_ID_PREFIX. Default: the group.")
    var transactionalIdPrefix: String?

    @Option(name: .long, help: "How often answered work is written, in milliseconds: each user's newest state record and, with --transactional, the transactions. Env: KOLBOT_COMMIT_INTERVAL_MS. Default: 100.")
    var commitIntervalMs: Int?

    @Option(name: .long, help: "Keep conversation state in the changelog topic (on) or in memory only (off). Env: KOLBOT_STATE_CHANGELOG. Default: on.")
    var stateChangelog: String?

    @Option(name: .long, help: "Questions per second each user may ask; 0 turns the limit off. Env: KOLBOT_RATE_LIMIT. Default: 5.")
    var rateLimit: Double?

    @Option(name: .long, help: "Questions a user may ask in a burst before the rate applies. Env: KOLBOT_RATE_BURST. Default: 20.")
    var rateBurst: Double?

    @Option(name: .long, help: "Regular expression a reply_to topic must match. Env: KOLBOT_REPLY_TO_PATTERN. Default: any valid topic name; the service's own topics are always refused.")
    var replyToPattern: String?

    @Option(name: .long, help: "Longest question text accepted, in bytes. Env: KOLBOT_MAX_TEXT_BYTES. Default: 4096.")
    var maxTextBytes: Int?

    @Option(name: .long, help: "Largest question record accepted, in bytes. Env: KOLBOT_MAX_MESSAGE_BYTES. Default: 65536.")
    var maxMessageBytes: Int?

    @Option(name: .long, help: "Port of the HTTP endpoint (/metrics, /health/live, /health/ready); 0 turns it off. Env: KOLBOT_HTTP_PORT. Default: 8080.")
    var httpPort: Int?

    @Flag(name: .long, help: "Run on an embedded broker in this process (for development: answers go nowhere outside it). Also the case, with a warning, when no brokers are set.")
    var embedded = false

    @Option(name: .long, help: "Partitions per topic of the embedded broker (when no brokers are set). Env: KOLBOT_PARTITIONS. Default: 6.")
    var partitions: Int?
}

/// Everything `kolbot serve` runs with, resolved from flags, environment and config file.
struct ServeSettings {
    var configuration: ServiceConfiguration
    var embedded: Bool
    /// `--embedded` was given (no warning then).
    var askedForEmbedded: Bool
    var partitions: Int
    var intents: String
    var httpPort: Int

    init(connection: ConnectionOptions, service: ServiceOptions, pack: PackLocation, settings: SettingsResolver) throws {
        let (base, noBrokers) = try connection.resolve(settings)
        if service.embedded && !noBrokers { throw ConfigurationError("invalid setting embedded: --embedded and a brokers setting exclude each other") }
        var c = base
        self.embedded = noBrokers
        askedForEmbedded = service.embedded
        c.groupID = settings.string("group", flag: service.group, default: c.groupID) ?? c.groupID
        let mode = try settings.choice("delivery", flag: service.delivery?.mode.rawValue, default: c.delivery.rawValue,
                                       among: DeliveryMode.allCases.map(\.rawValue))
        c.delivery = DeliveryMode(rawValue: mode)!
        c.instanceID = settings.string("instance-id", flag: service.instanceId, default: nil).flatMap { $0.isEmpty ? nil : $0 }
        c.transactionalIDPrefix = settings.string("transactional-id-prefix", flag: service.transactionalIdPrefix, default: nil).flatMap { $0.isEmpty ? nil : $0 }
        c.commitIntervalMs = try settings.number("commit-interval-ms", flag: service.commitIntervalMs.map { "\($0)" },
                                                      default: c.commitIntervalMs, "a time from 10 to 60000 ms") { (10...60_000).contains($0) }
        c.stateChangelog = try settings.choice("state-changelog", flag: service.stateChangelog, default: "on", among: ["on", "off"]) == "on"
        c.rateLimit = try settings.number("rate-limit", flag: service.rateLimit.map { "\($0)" }, default: c.rateLimit, "a rate >= 0") { $0 >= 0 }
        c.rateBurst = try settings.number("rate-burst", flag: service.rateBurst.map { "\($0)" }, default: c.rateBurst, "a number >= 1") { $0 >= 1 }
        c.replyToPattern = settings.string("reply-to-pattern", flag: service.replyToPattern, default: c.replyToPattern) ?? c.replyToPattern
        guard (try? NSRegularExpression(pattern: c.replyToPattern)) != nil else {
            throw ConfigurationError("invalid setting reply-to-pattern: '\(c.replyToPattern)' is not a regular expression")
        }
        c.limits.maxTextBytes = try settings.number("max-text-bytes", flag: service.maxTextBytes.map { "\($0)" }, default: c.limits.maxTextBytes,
                                                    "a size from 1 to 1048576") { (1...1_048_576).contains($0) }
        c.limits.maxMessageBytes = try settings.number("max-message-bytes", flag: service.maxMessageBytes.map { "\($0)" },
                                                       default: c.limits.maxMessageBytes, "a size from 256 to 10485760") { (256...10_485_760).contains($0) }
        httpPort = try settings.number("http-port", flag: service.httpPort.map { "\($0)" }, default: 8080, "a port from 0 to 65535") { (0...65535).contains($0) }
        partitions = try settings.number("partitions", flag: service.partitions.map { "\($0)" }, default: 6, "a count from 1 to 256") { (1...256).contains($0) }
        intents = settings.string("intents", flag: pack.intents, default: "Intents") ?? "Intents"
        if embedded {
            c.kafka = ServiceConfiguration.embeddedDefaults.merging(c.kafka) { _, flag in flag }
        }
        configuration = c
        // librdkafka checks the properties themselves: a bad one fails here with its name.
        do { _ = try KafkaConfiguration(c.kafka).validated() } catch let error as KafkaError { throw ConfigurationError(error.message) }
    }
}

/// `kolbot serve`: the answering service.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Answer questions from the questions topic as a consumer group member.",
        discussion: """
            Settings come from flags, then KOLBOT_* environment variables, then the --config YAML file. Without \
            brokers an embedded broker is started in-process and its address is printed as the first line of \
            standard output. Stops on SIGTERM or SIGINT: stops consuming, waits for outstanding answers to be \
            acknowledged, commits and leaves the group.
            """
    )

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var service: ServiceOptions
    @OptionGroup var pack: PackLocation
    @OptionGroup var log: LogOptions

    func run() async throws {
        let settings = try SettingsResolver(configFile: connection.config)
        var serve = try ServeSettings(connection: connection, service: service, pack: pack, settings: settings)
        let logger = try log.bootstrap(label: "kolbot", settings: settings)
        var location = PackLocation()
        location.intents = serve.intents
        let knowledge = try location.load()
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
        let health = ServiceHealth()
        var services: [any Service] = []
        if serve.embedded {
            if !serve.askedForEmbedded {
                logger.warning("no brokers set (--brokers, KOLBOT_BROKERS or the config file): running on an embedded broker in this process; answers go nowhere outside it")
            }
            let cluster = try EmbeddedBroker.start(partitions: serve.partitions, topics: EmbeddedBroker.topics(of: serve.configuration), logger: logger)
            serve.configuration.brokers = cluster.bootstrapServers
            printFlushed(cluster.bootstrapServers)
            logger.info("embedded broker started", metadata: [LogKey.bootstrap: "\(cluster.bootstrapServers)"])
            services.append(BrokerHost(cluster: cluster))
        }
        logger.info("starting", metadata: [LogKey.brokers: "\(serve.configuration.brokers)", LogKey.group: "\(serve.configuration.groupID)",
                                           LogKey.intents: "\(serve.intents)", LogKey.delivery: "\(serve.configuration.delivery.rawValue)"])
        if serve.httpPort > 0 {
            services.append(HTTPEndpoint(port: serve.httpPort, registry: registry, health: health, logger: logger))
        }
        services.append(AnswerService(configuration: serve.configuration, pack: knowledge, logger: logger, health: health))
        let group = ServiceGroup(services: services, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
        try await group.run()
    }
}

/// `kolbot config`: prints the effective configuration of `kolbot serve`.
struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Print the effective configuration of `kolbot serve` (same flags, environment and file), secrets redacted.",
        subcommands: [GatewayConfigCommand.self]
    )

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var service: ServiceOptions
    @OptionGroup var pack: PackLocation
    @OptionGroup var log: LogOptions

    func run() throws {
        let settings = try SettingsResolver(configFile: connection.config)
        _ = try ServeSettings(connection: connection, service: service, pack: pack, settings: settings)
        _ = try log.resolve(settings)
        print(settings.report)
    }
}

/// `--exactly-once` / `--at-least-once`.
enum DeliveryFlag: String, EnumerableFlag {
    case exactlyOnce
    case transactional
    case atLeastOnce

    var mode: DeliveryMode {
        switch self {
        case .exactlyOnce: .exactlyOnce
        case .transactional: .transactional
        case .atLeastOnce: .atLeastOnce
        }
    }
}
