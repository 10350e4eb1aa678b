/// How the service guarantees answers across crashes and rebalances.
public enum DeliveryMode: String, Sendable, CaseIterable {
    /// Resume-from-output: on assignment, each question partition resumes right after the last question
    /// answered on the matching answers partition. No duplicates and no loss for answers to the answers topic,
    /// with one live writer per partition. Needs co-partitioned topics.
    case exactlyOnce = "exactly-once"
    /// Offsets are stored after each answer's acknowledgement and committed every second; a crash can repeat
    /// up to a second of answers.
    case atLeastOnce = "at-least-once"
    /// Kafka transactions: per question partition, answers, state records and the consumed offset commit
    /// atomically; the instance that takes a partition fences its previous owner. For real clusters.
    case transactional
}

/// Settings of the answering service.
public struct ServiceConfiguration: Sendable {
    /// Bootstrap servers, `host:port[,host:port...]`.
    public var brokers: String
    /// The consumer group.
    public var groupID = "kolbot"
    public var questionsTopic = "kolbot.questions"
    public var answersTopic = "kolbot.answers"
    public var deadLetterTopic = "kolbot.questions.dlq"
    /// The compacted changelog of conversation state (same partition count as the questions topic).
    public var stateTopic = "kolbot.state"
    /// Whether conversation state is kept in the changelog (false: memory only, lost on rebalance or restart).
    public var stateChangelog = true
    /// librdkafka properties set over the defaults of both clients (`-X key=value`).
    public var kafka: [String: String] = [:]
    /// Limits applied to incoming questions.
    public var limits = QuestionLimits()
    /// The most records taken from the consumer in one batch.
    public var batchSize = 500
    /// How long shutdown waits for outstanding answers to be acknowledged, in milliseconds.
    public var shutdownTimeoutMs: Int32 = 8_000
    /// The client id sent to the brokers.
    public var clientID = "kolbot"
    /// How answers are delivered across crashes and rebalances.
    public var delivery: DeliveryMode = .exactlyOnce
    /// Questions per second each user may ask (0: no limit).
    public var rateLimit: Double = 5
    /// How many questions a user may ask at once before the rate applies.
    public var rateBurst: Double = 20
    /// The most users whose rate is tracked at once.
    public var rateLimitMaxUsers = 100_000
    /// How often answered work is written, in milliseconds: each user's newest state record and, in the
    /// transactional mode, each partition's transaction.
    public var commitIntervalMs = 100
    /// The prefix of the transactional ids (`<prefix>-<questions topic>-<partition>`); nil: the group id.
    public var transactionalIDPrefix: String?
    /// A stable name of this instance: the consumer's `group.instance.id` (static membership: a restarted
    /// instance takes its partitions back without a rebalance) and part of the client id. nil: dynamic member.
    public var instanceID: String?
    /// A regular expression a `reply_to` topic must match in full. The questions, dead-letter and state topics
    /// are always refused (an answer there would loop or corrupt them).
    public var replyToPattern = "[A-Za-z0-9._-]{1,249}"

    public init(brokers: String) {
        self.brokers = brokers
    }

    /// The fetch wait for clients of the embedded (mock) broker, which holds a fetch for the full
    /// `fetch.wait.max.ms` when no data is ready: short waits keep question-to-answer latency low.
    public static let embeddedFetchWaitMs = "10"

    /// Client settings for the embedded (mock) broker: short fetch waits, and a short session timeout because
    /// the mock delays every rebalance after the first by `session.timeout.ms` - 1 s.
    public static let embeddedDefaults: [String: String] = [
        "fetch.wait.max.ms": embeddedFetchWaitMs,
        "session.timeout.ms": "6000",
        "heartbeat.interval.ms": "500",
    ]

    /// The topics the service writes: answers, dead letters and (when kept) the state changelog.
    var writtenTopics: [String] {
        [answersTopic, deadLetterTopic] + (stateChangelog ? [stateTopic] : [])
    }

    /// The transactional id of the producer of question partition `partition`.
    func transactionalID(partition: Int32) -> String {
        "\(transactionalIDPrefix ?? groupID)-\(questionsTopic)-\(partition)"
    }

    private var effectiveClientID: String { instanceID.map { "\(clientID)-\($0)" } ?? clientID }

    /// Properties of the question consumer.
    var consumerProperties: [String: String] {
        var properties = [
            "bootstrap.servers": brokers,
            "group.id": groupID,
            "client.id": effectiveClientID,
            "enable.auto.commit": delivery == .transactional ? "false" : "true",
            "auto.commit.interval.ms": "1000",
            "enable.auto.offset.store": "false",
            "auto.offset.reset": "earliest",
            "fetch.wait.max.ms": "100",
            "reconnect.backoff.max.ms": "1000",
            "statistics.interval.ms": "5000",
        ]
        if let instanceID { properties["group.instance.id"] = instanceID }
        if delivery == .transactional { properties["isolation.level"] = "read_committed" }
        return properties.merging(kafka) { _, new in new }
    }

    /// Properties of the reader of the answers tail and the state changelog: the consumer's, and in the
    /// transactional mode only committed records.
    var readerProperties: [String: String] {
        var properties = consumerProperties
        properties["group.instance.id"] = nil
        return properties
    }

    /// Properties of the answer producer.
    var producerProperties: [String: String] {
        [
            "bootstrap.servers": brokers,
            "client.id": effectiveClientID,
            "enable.idempotence": "true",
            "acks": "all",
            "linger.ms": "5",
            "reconnect.backoff.max.ms": "1000",
        ].merging(Self.producerSubset(of: kafka)) { _, new in new }
    }

    /// The properties of `kafka` that apply to a producer: consumer-only ones (group, fetch, session, offset
    /// settings), which a producer warns about, are left out.
    public static func producerSubset(of kafka: [String: String]) -> [String: String] {
        kafka.filter { !consumerOnly.contains($0.key) }
    }

    /// Consumer properties that a producer warns about; not passed to producers.
    private static let consumerOnly: Set<String> = [
        "group.id", "enable.auto.commit", "auto.commit.interval.ms", "enable.auto.offset.store", "auto.offset.reset",
        "fetch.wait.max.ms", "fetch.min.bytes", "fetch.max.bytes", "session.timeout.ms", "heartbeat.interval.ms",
        "partition.assignment.strategy", "max.poll.interval.ms", "isolation.level", "allow.auto.create.topics",
        "group.instance.id", "queued.min.messages", "queued.max.messages.kbytes", "enable.partition.eof",
    ]
}
