import BotCore
import BotService
import Foundation
import KafkaTransport
import Testing
import TestSupport

@Suite(.serialized, .timeLimit(.minutes(3))) struct AnsweringIntegrationTests {
    /// Over TCP on a 3-broker, 6-partition mock cluster (or 6 partitions of the external broker): 2,000 questions
    /// from 100 users get exactly 2,000 answers, none twice, each user's in order.
    @Test func twoThousandQuestionsFromAHundredUsers() async throws {
        let broker = try TestBroker.start(brokers: 3, partitions: 6)
        let worker = AnswerWorker(configuration: testConfiguration(broker), pack: try loadPack(), logger: testLogger)
        try worker.start()
        var options = LoadOptions(brokers: broker.bootstrapServers, phrases: samplePhrases)
        options.questionsTopic = broker.questions
        options.answersTopic = broker.answers
        options.questions = 2_000
        options.users = 100
        options.idleTimeout = 20
        let report = try LoadGenerator(options: options, logger: testLogger).run()
        worker.stop()
        try await worker.waitUntilFinished()
        #expect(report.sent == 2_000)
        #expect(report.answered == 2_000)
        #expect(report.received == 2_000)
        #expect(report.duplicates == 0)
        #expect(report.outOfOrder == 0)
        #expect(report.errors == 0)
        // Every answer went to the partition number of its question (co-partitioned).
        let answers = try readTopic(broker.answers, brokers: broker.bootstrapServers, timeout: 30, logger: testLogger) { $0.count >= 2_000 }
        #expect(answers.count == 2_000)
        for a in answers {
            #expect(a.header("kolbot.source.partition")?.stringValue == String(a.partition))
        }
    }

    /// Broken input gets an error answer and a dead-letter record; the next valid question is answered.
    @Test func brokenInputIsAnsweredAndDeadLettered() async throws {
        let broker = try TestBroker.start(brokers: 1, partitions: 2)
        let worker = AnswerWorker(configuration: testConfiguration(broker), pack: try loadPack(), logger: testLogger)
        try worker.start()
        let key = Array("u-broken".utf8)
        let q = broker.questions
        try produce([
            OutboundMessage(topic: q, partition: 0, key: key, value: Array("{\"text\": \"apa itu".utf8), headers: [MessageHeader("correlation-id", "c1")]),
            OutboundMessage(topic: q, partition: 0, key: key, value: Array("{\"id\": \"q2\", \"user\": \"u-broken\"}".utf8)),
            OutboundMessage(topic: q, partition: 0, key: key, value: [0x7B, 0x22, 0x74, 0xFF, 0xFE, 0x7D]),
            OutboundMessage(topic: q, partition: 0, key: nil, value: Array("{\"text\": \"halo\"}".utf8)),
            OutboundMessage(topic: q, partition: 0, key: key, value: Array("{\"id\": \"q5\", \"text\": \"apa itu KOL?\", \"meta\": {\"chat\": [1, {\"x\": null}]}}".utf8),
                            headers: [MessageHeader("correlation-id", "c5"), MessageHeader("traceparent", "00-abc-def-01")]),
        ], brokers: broker.bootstrapServers)
        let answers = try readTopic(broker.answers, brokers: broker.bootstrapServers, timeout: 30, logger: testLogger) { $0.count >= 4 }
        // Dead letters are partitioned by key (the key-less one lands anywhere): order them by source offset.
        let dead = try readTopic(broker.deadLetters, brokers: broker.bootstrapServers, timeout: 30, logger: testLogger) { $0.count >= 4 }
            .sorted { Int($0.header("original.offset")?.stringValue ?? "") ?? 0 < Int($1.header("original.offset")?.stringValue ?? "") ?? 0 }
        worker.stop()
        try await worker.waitUntilFinished()

        let records = answers.compactMap { $0.value.flatMap(AnswerRecord.init(json:)) }
        #expect(records.count == 4)   // the record with neither key nor user cannot be answered
        #expect(records.map(\.errorCode) == ["invalid_json", "missing_text", "invalid_utf8", nil])
        #expect(records[0].fallback && records[0].user == "u-broken" && records[0].inReplyTo == "\(broker.questions)-0-0")
        #expect(records[1].inReplyTo == "q2")
        #expect(records[3].inReplyTo == "q5" && !records[3].fallback)
        #expect(answers[0].header("correlation-id")?.stringValue == "c1")
        #expect(answers[3].header("correlation-id")?.stringValue == "c5")
        #expect(answers[3].header("traceparent")?.stringValue == "00-abc-def-01")
        let raw = String(decoding: answers[3].value ?? [], as: UTF8.self)
        #expect(raw.contains("\"meta\":{\"chat\": [1, {\"x\": null}]}"))

        #expect(dead.count == 4)
        #expect(dead.map { $0.header("error.code")?.stringValue } == ["invalid_json", "missing_text", "invalid_utf8", "missing_user"])
        for (i, d) in dead.enumerated() {
            #expect(d.header("original.topic")?.stringValue == broker.questions)
            #expect(d.header("original.partition")?.stringValue == "0")
            #expect(d.header("original.offset")?.stringValue == String(i))
            #expect((d.header("error.message")?.stringValue?.count ?? 0) > 0)
        }
        #expect(dead[0].value == Array("{\"text\": \"apa itu".utf8))   // the original value, untouched
    }
}
