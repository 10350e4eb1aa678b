import BotService
import Foundation
import KafkaTransport
import Testing

/// The broker a test runs against: librdkafka's mock cluster in this process (the default), or the external
/// Kafka-compatible broker named by `KOLBOT_TEST_BROKERS=host:port` (the real-broker lane, `Tests/realbroker/run.sh`).
///
/// On the mock every test has a cluster of its own, with the default topic names and group. On an external
/// broker every test gets fresh topics (created with ``KafkaAdmin``) and its own group, so tests never see each
/// other's records or offsets.
final class TestBroker: @unchecked Sendable {
    /// The external broker's bootstrap servers, when `KOLBOT_TEST_BROKERS` is set.
    static let external: String? = {
        let value = ProcessInfo.processInfo.environment["KOLBOT_TEST_BROKERS"]
        return value?.isEmpty == false ? value : nil
    }()
    static var isExternal: Bool { external != nil }
    /// Why mock-only tests are skipped on an external broker.
    static let mockOnlyReason: Comment = "mock cluster only: needs its fault API (broker down/up, injected errors); KOLBOT_TEST_BROKERS is set"

    let bootstrapServers: String
    /// The service's topics for this test: questions, answers, dead letters and state changelog.
    let questions: String
    let answers: String
    let deadLetters: String
    let state: String
    /// The consumer group of the service under test.
    let group: String
    /// The mock cluster, kept alive as long as this object (nil on an external broker).
    let cluster: MockCluster?

    var isExternal: Bool { cluster == nil }

    /// A mock cluster of `brokers` brokers with the four topics of `partitions` partitions each, or four new
    /// topics of `partitions` partitions on the external broker (the state changelog compacted).
    static func start(brokers: Int = 1, partitions: Int) throws -> TestBroker {
        if let external {
            let prefix = "t" + String(UInt32.random(in: 0...UInt32.max), radix: 16)
            let names = ["questions", "answers", "questions.dlq", "state"].map { "\(prefix).\($0)" }
            let admin = try KafkaAdmin(configuration: KafkaConfiguration(["bootstrap.servers": external]), logger: testLogger)
            try admin.createTopics(names.map { NewTopic(name: $0, partitions: partitions, config: $0.hasSuffix(".state") ? ["cleanup.policy": "compact"] : [:]) })
            try waitForTopics(names, brokers: external)
            return TestBroker(bootstrapServers: external, names: names, group: "\(prefix).kolbot", cluster: nil)
        }
        let names = ["kolbot.questions", "kolbot.answers", "kolbot.questions.dlq", "kolbot.state"]
        let cluster = try EmbeddedBroker.start(brokers: brokers, partitions: partitions, topics: names, logger: testLogger)
        return TestBroker(bootstrapServers: cluster.bootstrapServers, names: names, group: "kolbot", cluster: cluster)
    }

    private init(bootstrapServers: String, names: [String], group: String, cluster: MockCluster?) {
        self.bootstrapServers = bootstrapServers
        (questions, answers, deadLetters, state) = (names[0], names[1], names[2], names[3])
        self.group = group
        self.cluster = cluster
    }

    /// Waits until the brokers' metadata shows every topic of `names`.
    private static func waitForTopics(_ names: [String], brokers: String) throws {
        let producer = try KafkaProducer(configuration: KafkaConfiguration(["bootstrap.servers": brokers]), logger: testLogger) { _ in }
        defer { producer.close() }
        let deadline = Date().addingTimeInterval(10)
        while Set(names).subtracting(try producer.topicNames()).count > 0 {
            if Date() > deadline { throw KafkaError("topics \(names) not in the metadata after 10 s") }
            usleep(100_000)
        }
    }
}

/// Service settings for tests: this test's topics and group, a short session timeout (the mock delays every
/// rebalance after the first by session.timeout.ms - 1 s; Tansu holds a killed member's partitions that long),
/// short fetch waits.
func testConfiguration(_ broker: TestBroker) -> ServiceConfiguration {
    var c = ServiceConfiguration(brokers: broker.bootstrapServers)
    c.groupID = broker.group
    c.questionsTopic = broker.questions
    c.answersTopic = broker.answers
    c.deadLetterTopic = broker.deadLetters
    c.stateTopic = broker.state
    c.kafka = ["session.timeout.ms": "6000", "heartbeat.interval.ms": "500", "fetch.wait.max.ms": ServiceConfiguration.embeddedFetchWaitMs]
    return c
}
