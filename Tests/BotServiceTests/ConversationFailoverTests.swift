import BotCore
import BotService
import Foundation
import KafkaTransport
import Testing

/// A client that asks questions over Kafka and waits for each answer.
final class Asker {
    let producer: KafkaProducer
    let reader: AnswerReader
    var count = 0

    init(brokers: String) throws {
        producer = try KafkaProducer(configuration: KafkaConfiguration(["bootstrap.servers": brokers, "linger.ms": "0"]), logger: testLogger) { _ in }
        reader = try AnswerReader(brokers: brokers, topic: "kolbot.answers", logger: testLogger)
    }

    /// Asks `text` as `user`; returns the answer's intent.
    func ask(_ user: String, _ text: String, timeout: TimeInterval = 45) throws -> String? {
        count += 1
        let id = "\(user)-q\(count)-\(UUID().uuidString.prefix(8))"
        try producer.send(OutboundMessage(topic: "kolbot.questions", key: Array(user.utf8),
                                          value: Question(id: id, user: user, text: text).encoded()), token: 0)
        producer.flush(timeoutMs: 10_000)
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            for answer in try reader.poll(timeoutMs: 100) where answer.inReplyTo == id { return answer.intent }
        }
        return nil
    }
}

/// Conversation state follows the user's partition: it survives an instance stopping (another takes over)
/// and a restart, through the state changelog, over TCP on a 3-broker cluster.
@Suite(.serialized, .timeLimit(.minutes(4))) struct ConversationFailoverTests {
    func startWorker(_ cluster: MockCluster, changelog: Bool = true) throws -> AnswerWorker {
        var configuration = testConfiguration(cluster)
        configuration.stateChangelog = changelog
        let worker = AnswerWorker(configuration: configuration, pack: try loadPack(), logger: testLogger)
        try worker.start()
        return worker
    }

    func waitReady(_ worker: AnswerWorker) {
        let deadline = Date().addingTimeInterval(30)
        while worker.health.assignedPartitions == 0 && Date() < deadline { usleep(50_000) }
    }

    func cluster() throws -> MockCluster {
        try EmbeddedBroker.start(brokers: 3, partitions: 6, topics: ["kolbot.questions", "kolbot.answers", "kolbot.questions.dlq", "kolbot.state"],
                                 logger: testLogger)
    }

    @Test func anotherInstanceContinuesTheConversation() async throws {
        let cluster = try cluster()
        let asker = try Asker(brokers: cluster.bootstrapServers)
        let a = try startWorker(cluster)
        waitReady(a)
        #expect(try asker.ask("rina", "apa itu influencer?") == "definition.influencer")
        #expect(try asker.ask("budi", "apa itu KOL?") == "definition.kol")
        let b = try startWorker(cluster)
        a.stop()                          // A leaves the group; B takes every partition
        try await a.waitUntilFinished()
        #expect(try asker.ask("rina", "kalau KOL?") == "definition.kol")
        #expect(try asker.ask("rina", "contohnya?") == "kol.examples")
        // Without its state B would take budi's "contohnya?" as being about influencers.
        #expect(try asker.ask("budi", "contohnya?") == "kol.examples")
        b.stop()
        try await b.waitUntilFinished()
    }

    @Test func aRestartedInstanceRestoresItsUsers() async throws {
        let cluster = try cluster()
        let asker = try Asker(brokers: cluster.bootstrapServers)
        let first = try startWorker(cluster)
        waitReady(first)
        #expect(try asker.ask("sari", "apa itu influencer?") == "definition.influencer")
        #expect(try asker.ask("dodi", "apa itu KOL?") == "definition.kol")
        first.stop()
        try await first.waitUntilFinished()
        let second = try startWorker(cluster)
        #expect(try asker.ask("sari", "kalau KOL?") == "definition.kol")
        #expect(try asker.ask("sari", "contohnya?") == "kol.examples")
        #expect(try asker.ask("dodi", "contohnya?") == "kol.examples")
        second.stop()
        try await second.waitUntilFinished()
    }

    /// The control: with the changelog off, a restart forgets the conversation.
    @Test func withoutTheChangelogARestartForgets() async throws {
        let cluster = try cluster()
        let asker = try Asker(brokers: cluster.bootstrapServers)
        let first = try startWorker(cluster, changelog: false)
        waitReady(first)
        #expect(try asker.ask("eka", "apa itu KOL?") == "definition.kol")
        first.stop()
        try await first.waitUntilFinished()
        let second = try startWorker(cluster, changelog: false)
        #expect(try asker.ask("eka", "contohnya?") == "influencer.platforms")
        second.stop()
        try await second.waitUntilFinished()
    }
}
