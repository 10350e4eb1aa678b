import Logging
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads partitions directly (no group): the last record of a partition, or every record to its end. Used to
/// rebuild per-partition state on assignment (resume-from-output, state changelogs).
///
/// The end of a partition is where the broker has nothing newer, not a high watermark read up front: a broker
/// may report a high watermark that lags what it stores (Tansu 0.6 reports the base offset of the last record
/// batch + 1), and records written just before a crash can appear after the watermark was read. So each read
/// goes on until the consumer reports the partition's end and a further fetch brings nothing.
///
/// - Important: Use from one thread at a time.
public final class TopicReader {
    private let consumer: KafkaConsumer
    private var batch: [InboundMessage] = []
    /// How long a partition must stay quiet after its end was reported before the read stops.
    private let settleMs: Int64

    /// Connects with `configuration` (needs `bootstrap.servers`; `isolation.level=read_committed` for readers of
    /// transactional topics).
    public init(configuration: KafkaConfiguration, logger: Logger) throws {
        consumer = try KafkaConsumer(configuration: configuration.merging([
            "group.id": configuration["group.id"] ?? "kolbot-topic-reader",
            "enable.auto.commit": "false",
            "enable.auto.offset.store": "false",
            "enable.partition.eof": "true",
        ]), logger: logger)
        let fetchWait = configuration["fetch.wait.max.ms"].flatMap(Int64.init) ?? 500
        settleMs = min(max(2 * fetchWait, 50), 1_000)
    }

    deinit { consumer.close() }

    /// The last record of each of `partitions` of `topic`; partitions with no record are absent.
    ///
    /// Reading starts at the last offset the broker admits to and goes on to the partition's end. When that
    /// window holds no record (its last offsets are transaction markers, or were compacted away) it is widened
    /// backwards, sixteenfold each time, down to the oldest record kept.
    /// - Throws: A ``KafkaError`` if the brokers do not answer within `timeoutMs`.
    public func lastRecords(topic: String, partitions: [Int32], timeoutMs: Int32 = 10_000) throws -> [Int32: InboundMessage] {
        var bounds: [Int32: (low: Int64, high: Int64)] = [:]
        for p in partitions {
            let marks = try consumer.watermarks(TopicPartition(topic, p), timeoutMs: timeoutMs)
            if marks.high > marks.low { bounds[p] = marks }
        }
        var result: [Int32: InboundMessage] = [:]
        var window: Int64 = 1
        var pending = Set(bounds.keys)
        while !pending.isEmpty {
            var starts: [TopicPartition: Int64] = [:]
            for p in pending { starts[TopicPartition(topic, p)] = max(bounds[p]!.low, bounds[p]!.high - window) }
            try read(starts, timeoutMs: timeoutMs) { m in
                if m.offset >= result[m.partition]?.offset ?? -1 { result[m.partition] = m }
                return true
            }
            // Done with a partition once it gave a record, or once the window reached its oldest record.
            pending = pending.filter { result[$0] == nil && bounds[$0]!.high - window > bounds[$0]!.low }
            window *= 16
        }
        return result
    }

    /// Calls `body` with the records of `topic`'s `partition` from `from` (default: the oldest kept) up to and
    /// including `through` (default: the partition's end).
    /// - Returns: the number of records read.
    @discardableResult
    public func readAll(topic: String, partition: Int32, from: Int64? = nil, through: Int64? = nil, timeoutMs: Int32 = 30_000,
                        _ body: (InboundMessage) throws -> Void) throws -> Int {
        let tp = TopicPartition(topic, partition)
        let marks = try consumer.watermarks(tp, timeoutMs: timeoutMs)
        let start = max(from ?? marks.low, marks.low)
        if let through, through < start { return 0 }
        var count = 0
        try read([tp: start], timeoutMs: timeoutMs) { m in
            if let through, m.offset > through { return false }
            try body(m)
            count += 1
            return m.offset != through
        }
        return count
    }

    /// Calls `body` with every record of the given partitions of `topic`, oldest kept first, read together.
    /// - Returns: the number of records read.
    @discardableResult
    public func readAll(topic: String, partitions: [Int32], timeoutMs: Int32 = 30_000, _ body: (InboundMessage) throws -> Void) throws -> Int {
        var starts: [TopicPartition: Int64] = [:]
        for p in partitions {
            let tp = TopicPartition(topic, p)
            starts[tp] = try consumer.watermarks(tp, timeoutMs: timeoutMs).low
        }
        guard !starts.isEmpty else { return 0 }
        var count = 0
        try read(starts, timeoutMs: timeoutMs) { m in
            try body(m)
            count += 1
            return true
        }
        return count
    }

    /// Reads from `starts` until each partition is finished: `body` returned false for one of its records, or
    /// its end was reported and nothing newer came for the settle time. `timeoutMs` bounds any silence before that.
    private func read(_ starts: [TopicPartition: Int64], timeoutMs: Int32, _ body: (InboundMessage) throws -> Bool) throws {
        try consumer.assign(starts)
        defer { try? consumer.assign([:]) }
        var open = Set(starts.keys)
        let began = monotonicMs()
        var lastRecordAt: [TopicPartition: Int64] = [:]
        var deadline = began + Int64(timeoutMs)
        while !open.isEmpty {
            if monotonicMs() > deadline { throw KafkaError("timed out reading \(open.map(\.description).sorted())") }
            batch.removeAll(keepingCapacity: true)
            try consumer.poll(maxMessages: 1000, timeoutMs: 20, into: &batch)
            let now = monotonicMs()
            for m in batch {
                let tp = TopicPartition(m.topic, m.partition)
                guard open.contains(tp) else { continue }
                lastRecordAt[tp] = now
                deadline = now + Int64(timeoutMs)
                if try !body(m) { open.remove(tp) }
            }
            for tp in open where consumer.reachedEnd[tp] != nil && now - (lastRecordAt[tp] ?? began) >= settleMs {
                open.remove(tp)
            }
        }
    }

    /// The underlying consumer's partition count query.
    public func partitionCount(of topic: String) throws -> Int { try consumer.partitionCount(of: topic) }
}

func monotonicMs() -> Int64 {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Int64(ts.tv_sec) * 1000 + Int64(ts.tv_nsec) / 1_000_000
}
