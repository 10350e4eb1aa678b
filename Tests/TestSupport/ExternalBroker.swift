import Foundation
import KafkaTransport
import Logging
import Testing

/// The external Kafka-compatible broker of the real-broker lane (`Tests/realbroker/run.sh`), named by
/// `KOLBOT_TEST_BROKERS=host:port`; without it tests use librdkafka's mock cluster.
public enum ExternalBroker {
    /// The external broker's bootstrap servers, when `KOLBOT_TEST_BROKERS` is set.
    public static let bootstrapServers: String? = {
        let value = ProcessInfo.processInfo.environment["KOLBOT_TEST_BROKERS"]
        return value?.isEmpty == false ? value : nil
    }()
    public static var isSet: Bool { bootstrapServers != nil }
    /// Why mock-only tests are skipped on an external broker.
    public static let mockOnlyReason: Comment = "mock cluster only: needs its fault API (broker down/up, injected errors); KOLBOT_TEST_BROKERS is set"
    /// Why tests of real-broker behaviour are skipped on the mock.
    public static let realBrokerOnlyReason: Comment = "real broker only: librdkafka 2.0.2's mock implements no transaction guarantees; set KOLBOT_TEST_BROKERS (Tests/realbroker/run.sh)"

    /// The service's four topics under a fresh random prefix (`<prefix>.questions`, `.answers`,
    /// `.questions.dlq`, `.state`, the last compacted), created with `partitions` partitions on the external
    /// broker; returns once the broker's metadata shows them all, with the group to use (`<prefix>.kolbot`).
    public static func createServiceTopics(prefix: String, partitions: Int, logger: Logger) throws -> (topics: [String], group: String) {
        guard let brokers = bootstrapServers else { throw KafkaError("KOLBOT_TEST_BROKERS is not set") }
        let prefix = prefix + String(UInt32.random(in: 0...UInt32.max), radix: 16)
        let names = ["questions", "answers", "questions.dlq", "state"].map { "\(prefix).\($0)" }
        let admin = try KafkaAdmin(configuration: KafkaConfiguration(["bootstrap.servers": brokers]), logger: logger)
        try admin.createTopics(names.map { NewTopic(name: $0, partitions: partitions, config: $0.hasSuffix(".state") ? ["cleanup.policy": "compact"] : [:]) })
        let producer = try KafkaProducer(configuration: KafkaConfiguration(["bootstrap.servers": brokers]), logger: logger) { _ in }
        defer { producer.close() }
        let deadline = Date().addingTimeInterval(10)
        while !Set(names).isSubset(of: try producer.topicNames()) {
            if Date() > deadline { throw KafkaError("topics \(names) not in the metadata after 10 s") }
            usleep(100_000)
        }
        return (names, "\(prefix).kolbot")
    }
}
