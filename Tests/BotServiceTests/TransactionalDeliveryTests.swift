import BotCore
import BotService
import Foundation
import KafkaTransport
import Testing
import TestSupport

/// The transactional mode's path: every question answered once, state records committed with their
/// transaction, a follow-up answered from the committed state after a restart. On the mock, which accepts
/// transactions but implements none of their guarantees, this checks the path only; in the real-broker lane
/// (Tests/realbroker) it runs on Tansu, with `read_committed` readers.
@Suite(.serialized, .timeLimit(.minutes(3))) struct TransactionalDeliveryTests {
    func configuration(_ broker: TestBroker) -> ServiceConfiguration {
        var c = testConfiguration(broker)
        c.delivery = .transactional
        return c
    }

    @Test func everyQuestionIsAnsweredOnceWithItsState() async throws {
        let broker = try TestBroker.start(partitions: 3)
        let worker = AnswerWorker(configuration: configuration(broker), pack: try loadPack(), logger: testLogger)
        try worker.start()
        var options = LoadOptions(brokers: broker.bootstrapServers, phrases: samplePhrases)
        options.questionsTopic = broker.questions
        options.answersTopic = broker.answers
        options.questions = 1_000
        options.users = 50
        options.idleTimeout = 30
        let report = try LoadGenerator(options: options, logger: testLogger).run()
        worker.stop()
        try await worker.waitUntilFinished()
        #expect(report.answered == 1_000)
        #expect(report.duplicates == 0)
        #expect(report.outOfOrder == 0)
        #expect(report.errors == 0)
        // State records commit with their transaction: at least one per user, far fewer than one per question.
        let states = try readTopic(broker.state, brokers: broker.bootstrapServers, timeout: 5, logger: testLogger) { $0.count >= 1_000 }
        let users = Set(states.compactMap { $0.key.map { String(decoding: $0, as: UTF8.self) } })
        print("transactional: \(report.answered) answered, \(states.count) state records for \(users.count) users")
        #expect(users.count == 50)
        #expect(states.count < 1_000)
    }

    @Test func aRestartedInstanceAnswersAFollowUpFromTheCommittedState() async throws {
        let broker = try TestBroker.start(partitions: 2)
        let asker = try Asker(broker)
        let first = AnswerWorker(configuration: configuration(broker), pack: try loadPack(), logger: testLogger)
        try first.start()
        #expect(try asker.ask("tari", "apa itu KOL?") == "definition.kol")
        first.stop()
        try await first.waitUntilFinished()
        let second = AnswerWorker(configuration: configuration(broker), pack: try loadPack(), logger: testLogger)
        try second.start()
        #expect(try asker.ask("tari", "contohnya?") == "kol.examples")
        second.stop()
        try await second.waitUntilFinished()
    }
}
