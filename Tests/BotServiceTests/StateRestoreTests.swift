import BotCore
import BotService
import Foundation
import KafkaTransport
import Testing
import TestSupport

/// The state changelog is read to its real end on assignment. State records are written together when many
/// answers are acknowledged together, so the newest state of a user often sits inside the partition's last record
/// batch; Tansu 0.6 reports the high watermark as that batch's base offset + 1, and a restore that stops there
/// gives the user an older state (or none).
@Suite(.serialized, .timeLimit(.minutes(3))) struct StateRestoreTests {
    @Test func aRestartRestoresTheNewestStateInTheLastBatch() async throws {
        let broker = try TestBroker.start(partitions: 1)
        let asker = try Asker(broker)
        var configuration = testConfiguration(broker)
        // Answers acknowledged together have their state records written together: one batch.
        configuration.kafka["linger.ms"] = "100"
        let first = AnswerWorker(configuration: configuration, pack: try loadPack(), logger: testLogger)
        try first.start()
        let deadline = Date().addingTimeInterval(30)
        while !first.health.isReady && Date() < deadline { usleep(50_000) }
        #expect(try asker.ask("nina", "apa itu influencer?") == "definition.influencer")

        // A burst: 20 users ask about KOLs, nina last, all in one batch of questions.
        let users = (0..<20).map { "burst-\($0)" } + ["nina"]
        var ids: [String] = []
        var records: [OutboundMessage] = []
        for user in users {
            let id = "\(user)-kol-\(UUID().uuidString.prefix(8))"
            ids.append(id)
            records.append(OutboundMessage(topic: broker.questions, key: Array(user.utf8), value: Question(id: id, user: user, text: "apa itu KOL?").encoded()))
        }
        let burst = try KafkaProducer(configuration: KafkaConfiguration(["bootstrap.servers": broker.bootstrapServers, "linger.ms": "100"]),
                                      logger: testLogger) { _ in }
        for r in records { try burst.send(r, token: 0) }
        burst.flush(timeoutMs: 10_000)
        burst.close()
        var answered: [String: String] = [:]
        let burstDeadline = Date().addingTimeInterval(30)
        while answered.count < ids.count && Date() < burstDeadline {
            for a in try asker.reader.poll(timeoutMs: 100) where ids.contains(a.inReplyTo) { answered[a.inReplyTo] = a.intent }
        }
        #expect(answered.count == ids.count && answered.values.allSatisfy { $0 == "definition.kol" }, "burst answers: \(answered.count)")
        first.stop()
        try await first.waitUntilFinished()

        // What the changelog holds: every record, read until nothing more arrives (not up to the high watermark).
        let stateRecords = try readTopic(broker.state, brokers: broker.bootstrapServers, timeout: 3, logger: testLogger) { _ in false }
        let probe = try KafkaConsumer(configuration: KafkaConfiguration(["bootstrap.servers": broker.bootstrapServers, "group.id": "watermark-probe"]), logger: testLogger)
        let marks = try probe.watermarks(TopicPartition(broker.state, 0))
        close(probe, within: 30, logger: testLogger)
        print("state changelog: \(stateRecords.count) records (offsets \(stateRecords.map(\.offset).min() ?? -1)...\(stateRecords.map(\.offset).max() ?? -1)); the broker's high watermark \(marks.high)")

        let second = AnswerWorker(configuration: testConfiguration(broker), pack: try loadPack(), logger: testLogger)
        try second.start()
        // nina's newest state is about KOLs: "contohnya?" asks for KOL examples.
        let nina = try asker.ask("nina", "contohnya?")
        var wrong: [String] = []
        for user in ["burst-1", "burst-10", "burst-19"] {
            let intent = try asker.ask(user, "contohnya?")
            if intent != "kol.examples" { wrong.append("\(user): \(intent ?? "no answer")") }
        }
        second.stop()
        try await second.waitUntilFinished()
        print("after the restart: nina's follow-up \(nina ?? "no answer"); burst users answered wrongly: \(wrong)")
        #expect(nina == "kol.examples", "nina's newest state (the last record of the changelog batch) was not restored")
        #expect(wrong.isEmpty, "burst users whose state was not restored: \(wrong)")
    }
}
