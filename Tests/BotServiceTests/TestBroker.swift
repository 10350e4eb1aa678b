import BotService
import Foundation
import KafkaTransport
import Testing
import TestSupport

/// The broker a test runs against: librdkafka's mock cluster in this process (the default), or the external
/// Kafka-compatible broker named by `KOLBOT_TEST_BROKERS=host:port` (the real-broker lane, `Tests/realbroker/run.sh`).
///
/// On the mock every test has a cluster of its own, with the default topic names and group. On an external
/// broker every test gets fresh topics (created with ``KafkaAdmin``) and its own group, so tests never see each
/// other's records or offsets.
final class TestBroker: @unchecked Sendable {
    static var isExternal: Bool { ExternalBroker.isSet }
    static var mockOnlyReason: Comment { ExternalBroker.mockOnlyReason }

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
        if let external = ExternalBroker.bootstrapServers {
            let (names, group) = try ExternalBroker.createServiceTopics(prefix: "t", partitions: partitions, logger: testLogger)
            return TestBroker(bootstrapServers: external, names: names, group: group, cluster: nil)
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
