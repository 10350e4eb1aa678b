import KafkaTransport
import Logging

/// Reads answers from every partition of an answers topic, starting at its current end, outside any group, and
/// only committed ones (`read_committed`: a transactional service's answers once their transaction commits).
/// Used by clients (chat, load test) that wait for the answers to the questions they send; they match answers
/// by `in_reply_to` (a broker whose high watermark lags may show a few older answers first).
public final class AnswerReader {
    private let consumer: KafkaConsumer
    private var batch: [InboundMessage] = []

    /// Connects and positions at the end of each partition of `topic`.
    public init(brokers: String, topic: String, kafka: [String: String] = [:], logger: Logger) throws {
        consumer = try KafkaConsumer(configuration: KafkaConfiguration([
            "bootstrap.servers": brokers, "group.id": "kolbot-reader", "enable.auto.commit": "false",
            "fetch.wait.max.ms": ServiceConfiguration.embeddedFetchWaitMs, "reconnect.backoff.max.ms": "1000",
            "isolation.level": "read_committed",
        ].merging(kafka) { _, new in new }), logger: logger)
        let partitions = try consumer.partitionCount(of: topic)
        var start: [TopicPartition: Int64] = [:]
        for p in 0..<partitions {
            let tp = TopicPartition(topic, Int32(p))
            start[tp] = try consumer.watermarks(tp).high
        }
        try consumer.assign(start)
    }

    deinit { consumer.close() }

    /// Answers that arrived within `timeoutMs` (records that are not answers are skipped).
    public func poll(timeoutMs: Int32) throws -> [AnswerRecord] {
        batch.removeAll(keepingCapacity: true)
        try consumer.poll(maxMessages: 1000, timeoutMs: timeoutMs, into: &batch)
        return batch.compactMap { $0.value.flatMap(AnswerRecord.init(json:)) }
    }
}
