internal import CRdKafka
import Logging

/// A Kafka consumer: a group member (``subscribe(_:)``) or a group-less reader (``assign(_:)``).
///
/// - Important: Use one instance from one thread at a time; rebalance callbacks run on that thread.
public final class KafkaConsumer: @unchecked Sendable {
    private let context: ClientContext
    let handle: OpaquePointer
    private let queue: OpaquePointer
    private var closed = false
    private var batch: [UnsafeMutablePointer<rd_kafka_message_t>?]
    /// The number of rebalance events handled so far.
    public private(set) var rebalanceCount = 0
    /// Partitions whose end the consumer has reached since the last ``assign(_:)``, with the offset of that end
    /// (reported only with `enable.partition.eof=true`).
    public private(set) var reachedEnd: [TopicPartition: Int64] = [:]

    /// Creates a consumer. Offsets are stored explicitly (``store(_:)``) when the configuration sets
    /// `enable.auto.offset.store=false`.
    /// - Parameters:
    ///   - configuration: librdkafka properties; `group.id` is needed for ``subscribe(_:)``.
    ///   - listener: told about assignments and revocations (group members only). Retained.
    ///   - onError: client-level errors, on the polling thread.
    /// - Throws: A ``KafkaError`` for an invalid property.
    public init(configuration: KafkaConfiguration, logger: Logger, listener: (any RebalanceListener)? = nil,
                onError: ((KafkaError) -> Void)? = nil, onStatistics: ((String) -> Void)? = nil) throws {
        let context = ClientContext(logger: logger)
        context.rebalanceListener = listener
        context.onError = onError
        context.onStatistics = onStatistics
        self.context = context
        let handle = try makeHandle(type: RD_KAFKA_CONSUMER, configuration: configuration, context: context,
                                    wantsRebalance: true, wantsStatistics: onStatistics != nil)
        self.handle = handle
        rd_kafka_poll_set_consumer(handle)   // errors and rebalances arrive on the consumer queue
        // librdkafka 2.16 has no consumer queue without a group.id (2.0.2 has one): use the main queue then.
        guard let queue = rd_kafka_queue_get_consumer(handle) ?? rd_kafka_queue_get_main(handle) else {
            rd_kafka_destroy(handle)
            throw KafkaError("the consumer has no message queue")
        }
        self.queue = queue
        self.batch = Array(repeating: nil, count: 1)
        context.consumer = self
    }

    deinit {
        if !closed {
            rd_kafka_queue_destroy(queue)
            rd_kafka_destroy(handle)
        }
    }

    /// Joins the group and subscribes to `topics`.
    public func subscribe(_ topics: [String]) throws {
        let list = rd_kafka_topic_partition_list_new(Int32(topics.count))!
        defer { rd_kafka_topic_partition_list_destroy(list) }
        for t in topics { rd_kafka_topic_partition_list_add(list, t, RD_KAFKA_PARTITION_UA) }
        let err = rd_kafka_subscribe(handle, list)
        if err != RD_KAFKA_RESP_ERR_NO_ERROR { throw KafkaError(code: err) }
    }

    /// Reads the given partitions from the given offsets, outside any group.
    public func assign(_ partitions: [TopicPartition: Int64]) throws {
        reachedEnd.removeAll()
        let list = makePartitionList(partitions.map { ($0.key, $0.value) })
        defer { rd_kafka_topic_partition_list_destroy(list) }
        let err = rd_kafka_assign(handle, list)
        if err != RD_KAFKA_RESP_ERR_NO_ERROR { throw KafkaError(code: err) }
    }

    /// Appends up to `maxMessages` records to `messages`, waiting at most `timeoutMs` for the first one and not
    /// at all for the rest (so a batch never waits to fill up). Serves rebalances and errors. Per-message errors
    /// (e.g. an unknown topic) are logged and skipped.
    /// - Returns: the number of records appended.
    /// - Throws: A fatal ``KafkaError`` of the client.
    @discardableResult
    public func poll(maxMessages: Int, timeoutMs: Int32, into messages: inout [InboundMessage]) throws -> Int {
        if batch.count < maxMessages { batch = Array(repeating: nil, count: maxMessages) }
        var appended = 0
        var n = batch.withUnsafeMutableBufferPointer { buf in
            rd_kafka_consume_batch_queue(queue, 0, buf.baseAddress, maxMessages)
        }
        if n == 0 && timeoutMs != 0 {
            // Nothing ready: block for one record, then take whatever else arrived with it.
            guard let first = rd_kafka_consumer_poll(handle, timeoutMs) else { try checkFatal(); return 0 }
            appended += take(first, into: &messages)
            n = batch.withUnsafeMutableBufferPointer { buf in
                rd_kafka_consume_batch_queue(queue, 0, buf.baseAddress, maxMessages - 1)
            }
        }
        if n < 0 { throw KafkaError(code: rd_kafka_last_error()) }
        for i in 0..<n {
            guard let m = batch[i] else { continue }
            appended += take(m, into: &messages)
        }
        try checkFatal()
        return appended
    }

    /// Copies one record out (or reports its error) and destroys it.
    private func take(_ m: UnsafeMutablePointer<rd_kafka_message_t>, into messages: inout [InboundMessage]) -> Int {
        defer { rd_kafka_message_destroy(m) }
        let r = m.pointee
        if r.err != RD_KAFKA_RESP_ERR_NO_ERROR {
            if r.err == RD_KAFKA_RESP_ERR__PARTITION_EOF {
                if r.rkt != nil { reachedEnd[TopicPartition(context.topicName(r.rkt), r.partition)] = r.offset }
                return 0
            }
            let error = KafkaError(code: r.err, message: messageError(m))
            context.logger.warning("consumer error", metadata: [LogKey.error: "\(error)"])
            context.onError?(error)
            return 0
        }
        var tstype = RD_KAFKA_TIMESTAMP_NOT_AVAILABLE
        let ts = rd_kafka_message_timestamp(m, &tstype)
        messages.append(InboundMessage(
            topic: context.topicName(r.rkt),
            partition: r.partition, offset: r.offset,
            key: copyBytes(r.key, r.key_len), value: copyBytes(r.payload, r.len),
            headers: copyHeaders(m), timestampMs: tstype == RD_KAFKA_TIMESTAMP_NOT_AVAILABLE ? nil : ts))
        return 1
    }

    private func checkFatal() throws {
        var buf = [CChar](repeating: 0, count: 256)
        let fatal = rd_kafka_fatal_error(handle, &buf, buf.count)
        if fatal != RD_KAFKA_RESP_ERR_NO_ERROR { throw KafkaError(code: fatal, message: cString(buf), isFatal: true) }
    }

    private func messageError(_ m: UnsafeMutablePointer<rd_kafka_message_t>) -> String {
        guard let p = rd_kafka_message_errstr(m) else { return "" }
        return String(cString: p)
    }

    /// Stores offsets (the next offset to read) for the next commit.
    public func store(_ offsets: [TopicPartition: Int64]) throws {
        guard !offsets.isEmpty else { return }
        let list = makePartitionList(offsets.map { ($0.key, $0.value) })
        defer { rd_kafka_topic_partition_list_destroy(list) }
        let err = rd_kafka_offsets_store(handle, list)
        if err != RD_KAFKA_RESP_ERR_NO_ERROR && err != RD_KAFKA_RESP_ERR__STATE {
            throw KafkaError(code: err)
        }
    }

    /// Commits the stored offsets now and waits for the broker. Nothing to commit is not an error.
    public func commit() throws {
        let err = rd_kafka_commit(handle, nil, 0)
        if err != RD_KAFKA_RESP_ERR_NO_ERROR && err != RD_KAFKA_RESP_ERR__NO_OFFSET {
            throw KafkaError(code: err)
        }
    }

    /// The group's committed offsets for `partitions`.
    public func committed(_ partitions: [TopicPartition], timeoutMs: Int32 = 10_000) throws -> [TopicPartition: Int64] {
        let list = makePartitionList(partitions.map { ($0, KafkaOffset.invalid) })
        defer { rd_kafka_topic_partition_list_destroy(list) }
        let err = rd_kafka_committed(handle, list, timeoutMs)
        if err != RD_KAFKA_RESP_ERR_NO_ERROR { throw KafkaError(code: err) }
        var result: [TopicPartition: Int64] = [:]
        let l = list.pointee
        for i in 0..<Int(l.cnt) {
            result[TopicPartition(String(cString: l.elems[i].topic), l.elems[i].partition)] = l.elems[i].offset
        }
        return result
    }

    /// The low and high watermarks of a partition, asked of the broker.
    public func watermarks(_ tp: TopicPartition, timeoutMs: Int32 = 10_000) throws -> (low: Int64, high: Int64) {
        var low: Int64 = 0, high: Int64 = 0
        let err = rd_kafka_query_watermark_offsets(handle, tp.topic, tp.partition, &low, &high, timeoutMs)
        if err != RD_KAFKA_RESP_ERR_NO_ERROR { throw KafkaError(code: err) }
        return (low, high)
    }

    /// The number of partitions of `topic`, asked of the cluster.
    public func partitionCount(of topic: String, timeoutMs: Int32 = 10_000) throws -> Int {
        try fetchPartitionCount(handle: handle, topic: topic, timeoutMs: timeoutMs)
    }

    /// Moves assigned partitions to new offsets.
    public func seek(_ offsets: [TopicPartition: Int64], timeoutMs: Int32 = 10_000) throws {
        guard !offsets.isEmpty else { return }
        let list = makePartitionList(offsets.map { ($0.key, $0.value) })
        defer { rd_kafka_topic_partition_list_destroy(list) }
        if let error = rd_kafka_seek_partitions(handle, list, timeoutMs) { throw KafkaError(consuming: error) }
        let l = list.pointee
        for i in 0..<Int(l.cnt) where l.elems[i].err != RD_KAFKA_RESP_ERR_NO_ERROR {
            throw KafkaError(code: l.elems[i].err, message: "seek \(String(cString: l.elems[i].topic))[\(l.elems[i].partition)]")
        }
    }

    /// Stops fetching `partitions` until ``resume(_:)`` (`rd_kafka_pause_partitions`).
    public func pause(_ partitions: [TopicPartition]) {
        guard !partitions.isEmpty else { return }
        let list = makePartitionList(partitions.map { ($0, KafkaOffset.invalid) })
        defer { rd_kafka_topic_partition_list_destroy(list) }
        _ = rd_kafka_pause_partitions(handle, list)
    }

    /// Fetches paused `partitions` again (`rd_kafka_resume_partitions`).
    public func resume(_ partitions: [TopicPartition]) {
        guard !partitions.isEmpty else { return }
        let list = makePartitionList(partitions.map { ($0, KafkaOffset.invalid) })
        defer { rd_kafka_topic_partition_list_destroy(list) }
        _ = rd_kafka_resume_partitions(handle, list)
    }

    /// The offset of the next record the consumer will return for `tp`, if known.
    public func position(_ tp: TopicPartition) -> Int64? {
        let list = makePartitionList([(tp, KafkaOffset.invalid)])
        defer { rd_kafka_topic_partition_list_destroy(list) }
        guard rd_kafka_position(handle, list) == RD_KAFKA_RESP_ERR_NO_ERROR else { return nil }
        let offset = list.pointee.elems[0].offset
        return offset >= 0 ? offset : nil
    }

    /// The partitions currently assigned.
    public func assignment() -> [TopicPartition] {
        var list: UnsafeMutablePointer<rd_kafka_topic_partition_list_t>?
        guard rd_kafka_assignment(handle, &list) == RD_KAFKA_RESP_ERR_NO_ERROR, let list else { return [] }
        defer { rd_kafka_topic_partition_list_destroy(list) }
        return partitionList(list)
    }

    /// Leaves the group (running a final revocation on this thread), commits, and destroys the client.
    public func close() {
        guard !closed else { return }
        closed = true
        rd_kafka_consumer_close(handle)
        rd_kafka_queue_destroy(queue)
        rd_kafka_destroy(handle)
    }

    // MARK: Rebalance (called from the C trampoline on the polling thread)

    func handleRebalance(rk: OpaquePointer, err: rd_kafka_resp_err_t,
                         partitions: UnsafeMutablePointer<rd_kafka_topic_partition_list_t>) {
        rebalanceCount += 1
        let cooperative = String(cString: rd_kafka_rebalance_protocol(rk)) == "COOPERATIVE"
        let tps = partitionList(partitions)
        switch err {
        case RD_KAFKA_RESP_ERR__ASSIGN_PARTITIONS:
            let overrides = context.rebalanceListener?.partitionsAssigned(tps, consumer: self) ?? [:]
            let l = partitions.pointee
            for i in 0..<Int(l.cnt) {
                let tp = TopicPartition(String(cString: l.elems[i].topic), l.elems[i].partition)
                if let offset = overrides[tp] { l.elems[i].offset = offset }
            }
            if cooperative {
                if let e = rd_kafka_incremental_assign(rk, partitions) { logFailure(KafkaError(consuming: e), "assign") }
            } else {
                let e = rd_kafka_assign(rk, partitions)
                if e != RD_KAFKA_RESP_ERR_NO_ERROR { logFailure(KafkaError(code: e), "assign") }
            }
        default:
            let lost = rd_kafka_assignment_lost(rk) != 0
            context.rebalanceListener?.partitionsRevoked(tps, lost: lost, consumer: self)
            if !lost {
                let e = rd_kafka_commit(rk, nil, 0)
                if e != RD_KAFKA_RESP_ERR_NO_ERROR && e != RD_KAFKA_RESP_ERR__NO_OFFSET {
                    context.logger.warning("offset commit on revocation failed", metadata: [LogKey.error: "\(KafkaError(code: e))"])
                }
            }
            if cooperative {
                if let e = rd_kafka_incremental_unassign(rk, partitions) { logFailure(KafkaError(consuming: e), "unassign") }
            } else {
                rd_kafka_assign(rk, nil)
            }
        }
    }

    private func logFailure(_ error: KafkaError, _ what: String) {
        context.logger.error("rebalance step failed", metadata: [LogKey.operation: "\(what)", LogKey.error: "\(error)"])
    }
}
