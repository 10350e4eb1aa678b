import Foundation
import Logging
import Testing
import TestSupport
@testable import KafkaTransport

private let logger: Logger = {
    var l = Logger(label: "test")
    l.logLevel = .warning
    return l
}()

/// A topic for one test: on a fresh mock cluster (the default), or a new topic on the external broker named by
/// `KOLBOT_TEST_BROKERS` (the real-broker lane, ``ExternalBroker``).
private func freshTopic(partitions: Int) throws -> (brokers: String, topic: String, cluster: MockCluster?) {
    let topic = "batches-\(UInt32.random(in: 0...UInt32.max))"
    if let external = ExternalBroker.bootstrapServers {
        let admin = try KafkaAdmin(configuration: KafkaConfiguration(["bootstrap.servers": external]), logger: logger)
        try admin.createTopics([NewTopic(name: topic, partitions: partitions)])
        return (external, topic, nil)
    }
    let cluster = try MockCluster(brokers: 1, logger: logger)
    try cluster.createTopic(topic, partitions: partitions)
    return (cluster.bootstrapServers, topic, cluster)
}

/// `TopicReader` on partitions whose records were produced several to a batch, as every producer with a linger
/// writes them. Tansu 0.6 reports a partition's high watermark as the last batch's base offset + 1, so a reader
/// that trusts one high-watermark read as the end of the partition misses the newest records there.
@Suite(.serialized, .timeLimit(.minutes(2))) struct TopicReaderLastBatchTests {
    @Test func lastRecordsAndReadAllSeeTheWholeLastBatch() throws {
        let (brokers, topic, cluster) = try freshTopic(partitions: 2)
        defer { withExtendedLifetime(cluster) {} }
        // Partition 0: two batches of 10 records (0-9, 10-19); partition 1: one batch of 10 (0-9).
        var failed = 0
        let producer = try KafkaProducer(
            configuration: KafkaConfiguration(["bootstrap.servers": brokers, "enable.idempotence": "true", "acks": "all", "linger.ms": "200"]),
            logger: logger) { r in if r.error != nil { failed += 1 } }
        for batch in 0..<2 {
            for i in 0..<10 {
                try producer.send(OutboundMessage(topic: topic, partition: 0, key: Array("k".utf8), value: Array("p0-\(batch * 10 + i)".utf8)), token: 0)
                if batch == 0 { try producer.send(OutboundMessage(topic: topic, partition: 1, key: nil, value: Array("p1-\(i)".utf8)), token: 0) }
            }
            #expect(producer.flush(timeoutMs: 10_000))
        }
        producer.close()
        #expect(failed == 0)

        let reader = try TopicReader(configuration: KafkaConfiguration(["bootstrap.servers": brokers, "fetch.wait.max.ms": "10"]), logger: logger)
        let probe = try KafkaConsumer(configuration: KafkaConfiguration(["bootstrap.servers": brokers, "group.id": "watermark-probe"]), logger: logger)
        let marks = try (0..<2).map { try probe.watermarks(TopicPartition(topic, Int32($0))) }
        close(probe, within: 30, logger: logger)
        print("high watermarks after 20 + 10 records in batches of 10: partition 0 \(marks[0].high), partition 1 \(marks[1].high) (20 and 10 on a broker that reports the log end)")

        let last = try reader.lastRecords(topic: topic, partitions: [0, 1])
        let lastValues = last.mapValues { String(decoding: $0.value ?? [], as: UTF8.self) }
        print("lastRecords: partition 0 \(last[0].map { "offset \($0.offset) \(lastValues[0]!)" } ?? "none"), partition 1 \(last[1].map { "offset \($0.offset) \(lastValues[1]!)" } ?? "none")")
        #expect(last[0]?.offset == 19 && lastValues[0] == "p0-19", "the last record of partition 0")
        #expect(last[1]?.offset == 9 && lastValues[1] == "p1-9", "the last record of partition 1")

        var all: [String] = []
        let count = try reader.readAll(topic: topic, partition: 0) { all.append(String(decoding: $0.value ?? [], as: UTF8.self)) }
        print("readAll partition 0: \(count) records, the last \(all.last ?? "none")")
        #expect(all == (0..<20).map { "p0-\($0)" })

        var tail: [Int64] = []
        try reader.readAll(topic: topic, partition: 0, from: 12) { tail.append($0.offset) }
        #expect(tail == Array(12...19), "readAll from inside the last batch")

        var one: [String] = []
        try reader.readAll(topic: topic, partition: 1) { one.append(String(decoding: $0.value ?? [], as: UTF8.self)) }
        #expect(one == (0..<10).map { "p1-\($0)" })
    }
}
