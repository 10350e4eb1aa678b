import BotCore
import BotService
import Foundation
import KafkaTransport
import Testing

/// The transactional mode's path on the mock cluster, which accepts transactions but implements none of their
/// guarantees: every question answered once, state records written with the transaction, a follow-up
/// answered from restored state after a restart. Fencing and atomicity are proven on a real broker
/// (Tests/realbroker).
@Suite(.serialized, .timeLimit(.minutes(3))) struct TransactionalDeliveryTests {
    func configuration(_ cluster: MockCluster) -> ServiceConfiguration {
        var c = testConfiguration(cluster)
        c.delivery = .transactional
        return c
    }

    @Test func everyQuestionIsAnsweredOnceWithItsState() async throws {
        let cluster = try EmbeddedBroker.start(brokers: 1, partitions: 3, topics: ["kolbot.questions", "kolbot.answers", "kolbot.questions.dlq", "kolbot.state"], logger: testLogger)
        let worker = AnswerWorker(configuration: configuration(cluster), pack: try loadPack(), logger: testLogger)
        try worker.start()
        var options = LoadOptions(brokers: cluster.bootstrapServers, phrases: samplePhrases)
        options.questions = 1_000
        options.users = 50
        options.idleTimeout = 20
        let report = try LoadGenerator(options: options, logger: testLogger).run()
        worker.stop()
        try await worker.waitUntilFinished()
        #expect(report.answered == 1_000)
        #expect(report.duplicates == 0)
        #expect(report.outOfOrder == 0)
        #expect(report.errors == 0)
        // State records commit with their transaction: at least one per user, far fewer than one per question.
        let states = try readTopic("kolbot.state", brokers: cluster.bootstrapServers, count: 1_000, timeout: 5)
        let users = Set(states.compactMap { $0.key.map { String(decoding: $0, as: UTF8.self) } })
        print("transactional on the mock: \(report.answered) answered, \(states.count) state records for \(users.count) users")
        #expect(users.count == 50)
        #expect(states.count < 1_000)
    }

    @Test func aRestartedInstanceAnswersAFollowUpFromTheCommittedState() async throws {
        let cluster = try EmbeddedBroker.start(brokers: 1, partitions: 2, topics: ["kolbot.questions", "kolbot.answers", "kolbot.questions.dlq", "kolbot.state"], logger: testLogger)
        let asker = try Asker(brokers: cluster.bootstrapServers)
        let first = AnswerWorker(configuration: configuration(cluster), pack: try loadPack(), logger: testLogger)
        try first.start()
        #expect(try asker.ask("tari", "apa itu KOL?") == "definition.kol")
        first.stop()
        try await first.waitUntilFinished()
        let second = AnswerWorker(configuration: configuration(cluster), pack: try loadPack(), logger: testLogger)
        try second.start()
        #expect(try asker.ask("tari", "contohnya?") == "kol.examples")
        second.stop()
        try await second.waitUntilFinished()
    }
}
