import BotService
import Foundation

/// Settings of the web gateway (`kolbot gateway`).
public struct GatewayConfiguration: Sendable {
    /// Bootstrap servers, `host:port[,host:port...]`.
    public var brokers: String
    /// Where questions are produced (keyed by user).
    public var questionsTopic = "kolbot.questions"
    /// Names this instance's reply topic, `kolbot.gateway.<instance-id>`.
    public var instanceID: String
    /// The HTTP port (0: any free port, logged at start).
    public var port = 8090
    /// The address the HTTP server binds.
    public var host = "0.0.0.0"
    /// How long a request waits for its answer before `504`.
    public var answerTimeout: Duration = .seconds(10)
    /// Limits applied to questions before they reach Kafka (the same as `serve`'s).
    public var limits = QuestionLimits()
    /// The most questions waiting for an answer at once; more get `503 overloaded`.
    public var maxPending = 10_000
    /// Origins allowed to call the API from a browser (CORS); empty: CORS off. `*` allows any origin.
    public var corsOrigins: [String] = []
    /// When set, only requests with `Authorization: Bearer <token>` may ask as a user outside the anonymous
    /// `web:` namespace of the chat page.
    public var bridgeToken: String?
    /// librdkafka properties set over the defaults of both clients (`-X key=value`).
    public var kafka: [String: String] = [:]
    /// Partitions of the reply topic when the gateway creates it on a real cluster.
    public var replyTopicPartitions = 1
    /// Retention of the reply topic when the gateway creates it (answers are read at once; nothing is replayed).
    public var replyTopicRetentionMs = 3_600_000
    /// The client id sent to the brokers.
    public var clientID = "kolbot-gateway"

    public init(brokers: String, instanceID: String = GatewayConfiguration.defaultInstanceID()) {
        self.brokers = brokers
        self.instanceID = instanceID
    }

    /// The prefix of every gateway's reply topic.
    public static let replyTopicPrefix = "kolbot.gateway."

    /// This instance's reply topic: `serve` sends the answers to the questions asked here to it (`reply_to`).
    public var replyTopic: String { Self.replyTopicPrefix + instanceID }

    /// `<hostname>-<pid>`, reduced to the characters a topic name may hold: stable across restarts of a
    /// container (pid 1, same hostname), distinct for several gateways on one host.
    public static func defaultInstanceID() -> String {
        let host = ProcessInfo.processInfo.hostName.split(separator: ".").first.map(String.init) ?? "gateway"
        return sanitizedInstanceID("\(host)-\(ProcessInfo.processInfo.processIdentifier)")
    }

    /// Keeps `a-z A-Z 0-9 . _ -` (others become `-`), at most 200 characters.
    static func sanitizedInstanceID(_ raw: String) -> String {
        let kept = raw.unicodeScalars.map { s -> Character in
            let c = Character(s)
            return (c.isASCII && (c.isLetter || c.isNumber)) || c == "." || c == "_" || c == "-" ? c : "-"
        }
        let id = String(kept.prefix(200))
        return id.isEmpty ? "gateway" : id
    }

    /// True when `id` makes a valid reply topic name.
    public static func isValidInstanceID(_ id: String) -> Bool {
        !id.isEmpty && id.utf8.count <= 200 && TopicName.isValid(replyTopicPrefix + id)
    }

    /// Properties of the question producer. A question that cannot be delivered within the answer timeout
    /// fails instead of reaching `serve` after its request gave up.
    var producerProperties: [String: String] {
        let timeoutMs = max(Int(answerTimeout / .milliseconds(1)), 1000)
        return [
            "bootstrap.servers": brokers,
            "client.id": clientID,
            "enable.idempotence": "true",
            "acks": "all",
            "linger.ms": "1",
            "message.timeout.ms": String(timeoutMs),
            "reconnect.backoff.max.ms": "1000",
            "statistics.interval.ms": "1000",
        ].merging(ServiceConfiguration.producerSubset(of: kafka)) { _, new in new }
    }

    /// Properties of the reply reader: assigned partitions, no group membership, nothing committed.
    var consumerProperties: [String: String] {
        [
            "bootstrap.servers": brokers,
            "client.id": clientID,
            "group.id": "kolbot-gateway-\(instanceID)",
            "enable.auto.commit": "false",
            "enable.auto.offset.store": "false",
            "enable.partition.eof": "false",
            "fetch.wait.max.ms": "100",
            "reconnect.backoff.max.ms": "1000",
        ].merging(kafka) { _, new in new }
    }
}
