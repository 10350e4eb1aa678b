import Foundation
import Logging
import Testing
@testable import KafkaTransport

private let logger = Logger(label: "test")

final class Recorder: RebalanceListener {
    var assigned: [TopicPartition] = []
    var revoked: [TopicPartition] = []
    func partitionsAssigned(_ partitions: [TopicPartition], consumer: KafkaConsumer) -> [TopicPartition: Int64] {
        assigned += partitions
        return [:]
    }
    func partitionsRevoked(_ partitions: [TopicPartition], lost: Bool, consumer: KafkaConsumer) { revoked += partitions }
}

@Suite(.serialized, .timeLimit(.minutes(2))) struct TransportTests {
    @Test func transportErrorDescribesItself() {
        #expect(KafkaError("boom").description == "TRANSPORT: boom")
    }

    @Test func invalidPropertyIsNamed() {
        #expect(throws: KafkaError.self) {
            _ = try KafkaProducer(configuration: KafkaConfiguration(["no.such.setting": "1"]), logger: logger) { _ in }
        }
        do {
            _ = try KafkaProducer(configuration: KafkaConfiguration(["no.such.setting": "1"]), logger: logger) { _ in }
        } catch {
            #expect("\(error)".contains("no.such.setting"))
        }
    }

    @Test func secretsAreRedacted() {
        let c = KafkaConfiguration(["sasl.password": "hunter2", "bootstrap.servers": "b:9092", "ssl.key.password": "k"])
        let text = c.redacted.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        #expect(!text.contains("hunter2"))
        #expect(!text.contains("=k"))
        #expect(text.contains("bootstrap.servers=b:9092"))
    }

    @Test func produceAndReadBackWithHeadersOverTCP() throws {
        let cluster = try MockCluster(brokers: 3, logger: logger)
        try cluster.createTopic("t", partitions: 3)
        var acked = 0, failed = 0
        let producer = try KafkaProducer(
            configuration: KafkaConfiguration(["bootstrap.servers": cluster.bootstrapServers, "enable.idempotence": "true", "linger.ms": "2"]),
            logger: logger) { report in if report.error == nil { acked += 1 } else { failed += 1 } }
        for i in 0..<1000 {
            try producer.send(OutboundMessage(topic: "t", partition: Int32(i % 3), key: Array("k\(i)".utf8), value: Array("v\(i)".utf8),
                                              headers: [MessageHeader("n", "\(i)"), MessageHeader("empty", nil)]), token: UInt64(i))
        }
        #expect(producer.flush(timeoutMs: 10_000))
        #expect(acked == 1000 && failed == 0)
        #expect(try producer.partitionCount(of: "t") == 3)

        let consumer = try KafkaConsumer(configuration: KafkaConfiguration(["bootstrap.servers": cluster.bootstrapServers, "group.id": "g0"]), logger: logger)
        try consumer.assign([TopicPartition("t", 0): KafkaOffset.beginning, TopicPartition("t", 1): KafkaOffset.beginning, TopicPartition("t", 2): KafkaOffset.beginning])
        var messages: [InboundMessage] = []
        let deadline = Date().addingTimeInterval(20)
        while messages.count < 1000 && Date() < deadline {
            try consumer.poll(maxMessages: 500, timeoutMs: 100, into: &messages)
        }
        #expect(messages.count == 1000)
        let values = Set(messages.map { String(decoding: $0.value ?? [], as: UTF8.self) })
        #expect(values.count == 1000)
        let m = try #require(messages.first { $0.value == Array("v7".utf8) })
        #expect(m.partition == 1 && m.key == Array("k7".utf8))
        #expect(m.header("n")?.stringValue == "7")
        #expect(m.header("empty") != nil && m.header("empty")?.value == nil)
        #expect(try consumer.watermarks(TopicPartition("t", 0)).high == 334)
        consumer.close()
        producer.close()
    }

    @Test func groupMemberIsAssignedAndCommits() throws {
        let cluster = try MockCluster(brokers: 1, logger: logger)
        try cluster.createTopic("g", partitions: 2)
        let producer = try KafkaProducer(configuration: KafkaConfiguration(["bootstrap.servers": cluster.bootstrapServers]), logger: logger) { _ in }
        for i in 0..<10 { try producer.send(OutboundMessage(topic: "g", partition: Int32(i % 2), key: nil, value: [UInt8(i)]), token: 0) }
        producer.flush(timeoutMs: 5000)
        let recorder = Recorder()
        let config = KafkaConfiguration(["bootstrap.servers": cluster.bootstrapServers, "group.id": "grp",
                                         "enable.auto.offset.store": "false", "auto.offset.reset": "earliest",
                                         "session.timeout.ms": "6000"])
        let consumer = try KafkaConsumer(configuration: config, logger: logger, listener: recorder)
        try consumer.subscribe(["g"])
        var messages: [InboundMessage] = []
        let deadline = Date().addingTimeInterval(20)
        while messages.count < 10 && Date() < deadline { try consumer.poll(maxMessages: 100, timeoutMs: 100, into: &messages) }
        #expect(messages.count == 10)
        #expect(Set(recorder.assigned) == [TopicPartition("g", 0), TopicPartition("g", 1)])
        try consumer.store([TopicPartition("g", 0): 5, TopicPartition("g", 1): 3])
        try consumer.commit()
        let committed = try consumer.committed([TopicPartition("g", 0), TopicPartition("g", 1)])
        #expect(committed[TopicPartition("g", 0)] == 5)
        #expect(committed[TopicPartition("g", 1)] == 3)
        consumer.close()
        #expect(Set(recorder.revoked) == [TopicPartition("g", 0), TopicPartition("g", 1)])
    }
}
