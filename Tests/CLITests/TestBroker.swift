import Foundation
import KafkaTransport
import Testing
import TestSupport

/// The broker a CLI test runs against: `kolbot broker` (librdkafka's mock cluster in its own process, the
/// default), or the external Kafka-compatible broker named by `KOLBOT_TEST_BROKERS=host:port` (the real-broker
/// lane, `Tests/realbroker/run.sh`).
///
/// On the mock every test has a broker process of its own, with the default topic names and group. On an
/// external broker every test gets fresh topics (created with ``KafkaAdmin``) and its own group, passed to
/// `kolbot serve` and `kolbot load` as flags, so tests never see each other's records or offsets.
final class TestBroker: @unchecked Sendable {
    static var isExternal: Bool { ExternalBroker.isSet }
    static var mockOnlyReason: Comment { ExternalBroker.mockOnlyReason }
    static var realBrokerOnlyReason: Comment { ExternalBroker.realBrokerOnlyReason }

    let bootstrapServers: String
    let questions: String
    let answers: String
    let deadLetters: String
    let state: String
    /// The consumer group of the service under test.
    let group: String
    /// `kolbot broker` on the mock (nil on an external broker).
    let process: BackgroundProcess?

    var isExternal: Bool { process == nil }

    /// `kolbot broker --partitions N` (its four topics), or four new topics of `partitions` partitions on the
    /// external broker (the state changelog compacted).
    static func start(partitions: Int, brokerArguments: [String] = [], stdin: Bool = false) throws -> TestBroker {
        if let external = ExternalBroker.bootstrapServers {
            let (names, group) = try ExternalBroker.createServiceTopics(prefix: "c", partitions: partitions, logger: cliTestLogger)
            return TestBroker(bootstrapServers: external, names: names, group: group, process: nil)
        }
        let process = try BackgroundProcess.kolbot(["broker", "--partitions", String(partitions)] + brokerArguments, stdin: stdin)
        let address = try process.firstLine()
        return TestBroker(bootstrapServers: address, names: ["kolbot.questions", "kolbot.answers", "kolbot.questions.dlq", "kolbot.state"],
                          group: "kolbot", process: process)
    }

    private init(bootstrapServers: String, names: [String], group: String, process: BackgroundProcess?) {
        self.bootstrapServers = bootstrapServers
        (questions, answers, deadLetters, state) = (names[0], names[1], names[2], names[3])
        self.group = group
        self.process = process
    }

    /// `--brokers` and, on an external broker, this test's topics: for `kolbot load` and other clients.
    var clientArguments: [String] {
        ["--brokers", bootstrapServers] + (isExternal
            ? ["--questions-topic", questions, "--answers-topic", answers, "--dlq-topic", deadLetters, "--state-topic", state] : [])
    }

    /// ``clientArguments`` and, on an external broker, this test's group: for `kolbot serve`.
    var serveArguments: [String] {
        clientArguments + (isExternal ? ["--group", group] : [])
    }

    /// Stops `kolbot broker` (nothing to do on an external broker: its topics are left behind).
    func stop() { process?.stop() }
}
