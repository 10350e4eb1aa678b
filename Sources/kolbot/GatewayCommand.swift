import ArgumentParser
import BotGateway
import BotService
import Foundation
import KafkaTransport
import Logging
import Metrics
import Prometheus
import ServiceLifecycle

/// Flags of `kolbot gateway` (and `kolbot config gateway`).
struct GatewayOptions: ParsableArguments {
    @Option(name: .long, help: "A YAML file of settings (keys as the long flags, librdkafka properties under `kafka:`). Env: KOLBOT_CONFIG.")
    var config: String?

    @Option(name: .long, help: "Bootstrap servers, host:port[,host:port]. Env: KOLBOT_BROKERS. Required.")
    var brokers: String?

    @Option(name: .long, help: "Questions topic. Env: KOLBOT_QUESTIONS_TOPIC. Default: kolbot.questions.")
    var questionsTopic: String?

    @Option(name: [.customLong("port"), .customLong("gateway-port")], help: "HTTP port of the API and the chat page (0: any free port). Env: KOLBOT_GATEWAY_PORT. Default: 8090.")
    var port: Int?

    @Option(name: .long, help: "Seconds a request waits for its answer before 504. Env: KOLBOT_ANSWER_TIMEOUT. Default: 10.")
    var answerTimeout: Double?

    @Option(name: .long, help: "Names this gateway's reply topic kolbot.gateway.<id> (a-z A-Z 0-9 . _ -). Env: KOLBOT_INSTANCE_ID. Default: <hostname>-<pid>.")
    var instanceID: String?

    @Option(name: .long, help: "Longest question text accepted, in bytes (keep it equal to serve's). Env: KOLBOT_MAX_TEXT_BYTES. Default: 4096.")
    var maxTextBytes: Int?

    @Option(name: .long, help: "Largest request body accepted, in bytes (keep it equal to serve's). Env: KOLBOT_MAX_MESSAGE_BYTES. Default: 65536.")
    var maxMessageBytes: Int?

    @Option(name: .long, help: "Most questions waiting for answers at once; more get 503. Env: KOLBOT_MAX_PENDING. Default: 10000.")
    var maxPending: Int?

    @Option(name: .long, help: "Comma-separated origins allowed to call the API from browsers (CORS), or *. Env: KOLBOT_CORS_ORIGINS. Default: none (CORS off).")
    var corsOrigins: String?

    @Option(name: .long, help: "When set, asking as a user outside the chat page's anonymous web: ids needs `Authorization: Bearer <token>`. Env: KOLBOT_BRIDGE_TOKEN (prefer it to the flag). Default: none.")
    var bridgeToken: String?

    @Option(name: .customShort("X"), parsing: .unconditionalSingleValue,
            help: ArgumentHelp("A librdkafka property, key=value (repeatable). Env: KOLBOT_KAFKA_<KEY> with dots as underscores.",
                               valueName: "key=value"))
    var properties: [String] = []
}

/// Everything `kolbot gateway` runs with, resolved from flags, environment and config file.
struct GatewaySettings {
    var configuration: GatewayConfiguration

    init(_ options: GatewayOptions, settings: SettingsResolver) throws {
        guard let brokers = settings.string("brokers", flag: options.brokers), !brokers.isEmpty else {
            throw ConfigurationError("invalid setting brokers: the gateway needs --brokers (or KOLBOT_BROKERS)")
        }
        let instance = settings.string("instance-id", flag: options.instanceID, default: GatewayConfiguration.defaultInstanceID())!
        guard GatewayConfiguration.isValidInstanceID(instance) else {
            throw ConfigurationError("invalid setting instance-id: '\(instance)' does not make a valid topic name (a-z A-Z 0-9 . _ -, at most 200)")
        }
        var c = GatewayConfiguration(brokers: brokers, instanceID: instance)
        let topic = settings.string("questions-topic", flag: options.questionsTopic, default: c.questionsTopic)!
        guard TopicName.isValid(topic) else { throw ConfigurationError("invalid setting questions-topic: '\(topic)' is not a valid topic name") }
        c.questionsTopic = topic
        c.port = try settings.number("gateway-port", flag: options.port.map { "\($0)" }, default: c.port, "a port from 0 to 65535") { (0...65535).contains($0) }
        let timeout = try settings.number("answer-timeout", flag: options.answerTimeout.map { "\($0)" }, default: 10.0,
                                          "a number of seconds from 0.1 to 300") { (0.1...300).contains($0) }
        c.answerTimeout = .milliseconds(Int((timeout * 1000).rounded()))
        c.limits.maxTextBytes = try settings.number("max-text-bytes", flag: options.maxTextBytes.map { "\($0)" }, default: c.limits.maxTextBytes,
                                                    "a size from 1 to 1048576") { (1...1_048_576).contains($0) }
        c.limits.maxMessageBytes = try settings.number("max-message-bytes", flag: options.maxMessageBytes.map { "\($0)" },
                                                       default: c.limits.maxMessageBytes, "a size from 256 to 10485760") { (256...10_485_760).contains($0) }
        c.maxPending = try settings.number("max-pending", flag: options.maxPending.map { "\($0)" }, default: c.maxPending,
                                           "a count from 1 to 1000000") { (1...1_000_000).contains($0) }
        let origins = settings.string("cors-origins", flag: options.corsOrigins, default: "") ?? ""
        c.corsOrigins = origins.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        for origin in c.corsOrigins where origin != "*" && !(origin.hasPrefix("http://") || origin.hasPrefix("https://")) {
            throw ConfigurationError("invalid setting cors-origins: '\(origin)' is not * or an origin like https://example.com")
        }
        c.bridgeToken = settings.string("bridge-token", flag: options.bridgeToken).flatMap { $0.isEmpty ? nil : $0 }
        c.kafka = try settings.kafkaProperties(flags: options.properties)
        configuration = c
        // librdkafka checks the properties themselves: a bad one fails here with its name.
        do { _ = try KafkaConfiguration(c.kafka).validated() } catch let error as KafkaError { throw ConfigurationError(error.message) }
    }
}

/// `kolbot gateway`: the HTTP API and chat page in front of the topics.
struct GatewayCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gateway",
        abstract: "Serve the HTTP API (POST /v1/ask) and the chat page, answered by `kolbot serve` through Kafka.",
        discussion: """
            Each question goes to the questions topic with reply_to set to this instance's reply topic \
            (kolbot.gateway.<instance-id>, created at start), which the gateway reads from its end without a \
            consumer group; the answer goes back to the request that asked. Several gateways can run at once, \
            each with its own instance id. Settings come from flags, then KOLBOT_* environment variables, then \
            the --config YAML file. Stops on SIGTERM or SIGINT.
            """
    )

    @OptionGroup var options: GatewayOptions
    @OptionGroup var log: LogOptions

    func run() async throws {
        let settings = try SettingsResolver(configFile: options.config)
        let configuration = try GatewaySettings(options, settings: settings).configuration
        let logger = try log.bootstrap(label: "kolbot.gateway", settings: settings)
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
        logger.info("starting", metadata: ["brokers": "\(configuration.brokers)", "questions.topic": "\(configuration.questionsTopic)",
                                           "instance": "\(configuration.instanceID)", "answer_timeout": "\(configuration.answerTimeout)",
                                           "cors": "\(configuration.corsOrigins.isEmpty ? "off" : configuration.corsOrigins.joined(separator: ","))",
                                           "bridge_token": "\(configuration.bridgeToken == nil ? "none" : "set")"])
        let gateway = Gateway(configuration: configuration, registry: registry, logger: logger)
        try gateway.start()
        let group = ServiceGroup(services: gateway.services, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
        try await group.run()
        logger.info("stopped")
    }
}

/// `kolbot config gateway`: prints the effective configuration of `kolbot gateway`.
struct GatewayConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gateway",
        abstract: "Print the effective configuration of `kolbot gateway` (same flags, environment and file), secrets redacted."
    )

    @OptionGroup var options: GatewayOptions
    @OptionGroup var log: LogOptions
    /// `kolbot config` declares the connection and log flags too, and the parser gives them to it.
    @ParentCommand var parent: ConfigCommand

    func run() throws {
        var options = options
        options.config = options.config ?? parent.connection.config
        options.brokers = options.brokers ?? parent.connection.brokers
        options.questionsTopic = options.questionsTopic ?? parent.connection.questionsTopic
        options.properties = parent.connection.properties + options.properties
        var log = log
        log.logLevel = log.logLevel ?? parent.log.logLevel
        log.logFormat = log.logFormat ?? parent.log.logFormat
        let settings = try SettingsResolver(configFile: options.config)
        _ = try GatewaySettings(options, settings: settings)
        _ = try log.resolve(settings)
        print(settings.report)
    }
}
