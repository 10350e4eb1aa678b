import Foundation
import KafkaTransport
import Testing

/// The broker a CLI test runs against: `kolbot broker` (librdkafka's mock cluster in its own process, the
/// default), or the external Kafka-compatible broker named by `KOLBOT_TEST_BROKERS=host:port` (the real-broker
/// lane, `Tests/realbroker/run.sh`).
///
/// On the mock every test has a broker process of its own, with the default topic names and group. On an
/// external broker every test gets fresh topics (created with ``KafkaAdmin``) and its own group, passed to
/// `kolbot serve` and `kolbot load` as flags, so tests never see each other's records or offsets.
final class TestBroker: @unchecked Sendable {
    /// The external broker's bootstrap servers, when `KOLBOT_TEST_BROKERS` is set.
    static let external: String? = {
        let value = ProcessInfo.processInfo.environment["KOLBOT_TEST_BROKERS"]
        return value?.isEmpty == false ? value : nil
    }()
    static var isExternal: Bool { external != nil }
    /// Why mock-only tests are skipped on an external broker.
    static let mockOnlyReason: Comment = "mock cluster only: needs its fault API (broker down/up, injected errors); KOLBOT_TEST_BROKERS is set"
    /// Why tests of real-broker behaviour are skipped on the mock.
    static let realBrokerOnlyReason: Comment = "real broker only: librdkafka 2.0.2's mock implements no transaction guarantees; set KOLBOT_TEST_BROKERS (Tests/realbroker/run.sh)"

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
        if let external {
            let prefix = "c" + String(UInt32.random(in: 0...UInt32.max), radix: 16)
            let names = ["questions", "answers", "questions.dlq", "state"].map { "\(prefix).\($0)" }
            let admin = try KafkaAdmin(configuration: KafkaConfiguration(["bootstrap.servers": external]), logger: cliTestLogger)
            try admin.createTopics(names.map { NewTopic(name: $0, partitions: partitions, config: $0.hasSuffix(".state") ? ["cleanup.policy": "compact"] : [:]) })
            let producer = try KafkaProducer(configuration: KafkaConfiguration(["bootstrap.servers": external]), logger: cliTestLogger) { _ in }
            defer { producer.close() }
            let deadline = Date().addingTimeInterval(10)
            while !Set(names).isSubset(of: try producer.topicNames()) {
                if Date() > deadline { throw TestFailure("topics \(names) not in the metadata after 10 s") }
                usleep(100_000)
            }
            return TestBroker(bootstrapServers: external, names: names, group: "\(prefix).kolbot", process: nil)
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
