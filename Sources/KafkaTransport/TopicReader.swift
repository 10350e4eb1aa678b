import Logging
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads partitions directly (no group): the last record of a partition, or every record up to its end.
/// Used to rebuild per-partition state on assignment (resume-from-output, state changelogs).
///
/// - Important: Use from one thread at a time.
public final class TopicReader {
    private let consumer: KafkaConsumer
    private var batch: [InboundMessage] = []

    /// Connects with `configuration` (needs `bootstrap.servers`).
    public init(configuration: KafkaConfiguration, logger: Logger) throws {
        consumer = try KafkaConsumer(configuration: configuration.merging([
            "group.id": configuration["group.id"] ?? "kolbot-topic-reader",
            "enable.auto.commit": "false",
            "enable.auto.offset.store": "false",
        ]), logger: logger)
    }

    deinit { consumer.close() }

    /// The last record of each of `partitions` of `topic`; partitions with no record are absent.
    /// - Throws: A ``KafkaError`` if the brokers do not answer within `timeoutMs`.
    public func lastRecords(topic: String, partitions: [Int32], timeoutMs: Int32 = 10_000) throws -> [Int32: InboundMessage] {
        var wanted: [TopicPartition: Int64] = [:]
        for p in partitions {
            let tp = TopicPartition(topic, p)
            let marks = try consumer.watermarks(tp, timeoutMs: timeoutMs)
            if marks.high > marks.low { wanted[tp] = marks.high - 1 }
        }
        var result: [Int32: InboundMessage] = [:]
        guard !wanted.isEmpty else { return result }
        try consumer.assign(wanted)
        defer { try? consumer.assign([:]) }
        let deadline = monotonicMs() + Int64(timeoutMs)
        while result.count < wanted.count {
            if monotonicMs() > deadline { throw KafkaError("timed out reading the last records of \(topic)") }
            batch.removeAll(keepingCapacity: true)
            try consumer.poll(maxMessages: 100, timeoutMs: 100, into: &batch)
            for m in batch where wanted[TopicPartition(topic, m.partition)] == m.offset { result[m.partition] = m }
        }
        return result
    }

    /// Calls `body` with the records of `topic`'s `partition` from `from` (default: the oldest kept) up to and
    /// including `through` (default: the last one when the call began).
    /// - Returns: the number of records read.
    @discardableResult
    public func readAll(topic: String, partition: Int32, from: Int64? = nil, through: Int64? = nil, timeoutMs: Int32 = 30_000,
                        _ body: (InboundMessage) throws -> Void) throws -> Int {
        let tp = TopicPartition(topic, partition)
        let marks = try consumer.watermarks(tp, timeoutMs: timeoutMs)
        let start = max(from ?? marks.low, marks.low)
        let end = min(through.map { $0 + 1 } ?? marks.high, marks.high)   // exclusive
        guard end > start else { return 0 }
        try consumer.assign([tp: start])
        defer { try? consumer.assign([:]) }
        var count = 0
        var lastOffset = start - 1
        var deadline = monotonicMs() + Int64(timeoutMs)
        while lastOffset < end - 1 {
            if monotonicMs() > deadline { throw KafkaError("timed out reading \(tp)") }
            batch.removeAll(keepingCapacity: true)
            try consumer.poll(maxMessages: 1000, timeoutMs: 100, into: &batch)
            // Compacted topics have gaps: the position, not the last record, tells when the end is reached.
            if batch.isEmpty, let position = consumer.position(tp), position >= end { break }
            for m in batch where m.partition == partition && m.offset < end {
                try body(m)
                count += 1
                lastOffset = m.offset
                deadline = monotonicMs() + Int64(timeoutMs)
            }
        }
        return count
    }

    /// The underlying consumer's partition count query.
    public func partitionCount(of topic: String) throws -> Int { try consumer.partitionCount(of: topic) }
}

func monotonicMs() -> Int64 {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Int64(ts.tv_sec) * 1000 + Int64(ts.tv_nsec) / 1_000_000
}
