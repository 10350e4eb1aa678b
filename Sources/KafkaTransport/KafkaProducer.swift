internal import CRdKafka
import Logging

/// A Kafka producer. Delivery reports are handed to `onDelivery` on the thread that calls
/// ``poll(timeoutMs:)`` or ``flush(timeoutMs:)``.
///
/// - Important: Use one instance from one thread at a time (the worker that owns it); it takes no locks.
public final class KafkaProducer: @unchecked Sendable {
    private let context: ClientContext
    let handle: OpaquePointer
    private var closed = false
    /// Topic handles kept open by ``prepare(topics:timeoutMs:)``.
    private var preparedTopics: [OpaquePointer] = []

    /// Creates a producer.
    /// - Parameters:
    ///   - configuration: librdkafka properties (`bootstrap.servers`, `enable.idempotence`, ...).
    ///   - logger: receives librdkafka's log lines.
    ///   - onError: client-level errors (broker down, fatal idempotence errors), on the polling thread.
    ///   - onDelivery: one report per produced record, on the polling thread.
    /// - Throws: A ``KafkaError`` for an invalid property.
    public init(configuration: KafkaConfiguration, logger: Logger,
                onError: ((KafkaError) -> Void)? = nil,
                onStatistics: ((String) -> Void)? = nil,
                onDelivery: @escaping (DeliveryReport) -> Void) throws {
        let context = ClientContext(logger: logger)
        context.onDelivery = onDelivery
        context.onError = onError
        context.onStatistics = onStatistics
        self.context = context
        self.handle = try makeHandle(type: RD_KAFKA_PRODUCER, configuration: configuration, context: context,
                                     wantsDeliveryReports: true, wantsStatistics: onStatistics != nil)
    }

    deinit {
        if !closed { destroy() }
    }

    private func destroy() {
        closed = true
        for rkt in preparedTopics { rd_kafka_topic_destroy(rkt) }
        preparedTopics = []
        rd_kafka_destroy(handle)
    }

    /// Learns the partitions of `topics` now and keeps them known, so the first records sent to them do not
    /// wait for a metadata request (which librdkafka otherwise makes on the first record of an unknown topic).
    /// - Throws: A ``KafkaError`` when a topic does not exist or the brokers do not answer in time.
    public func prepare(topics: [String], timeoutMs: Int32 = 10_000) throws {
        for topic in topics {
            _ = try fetchPartitionCount(handle: handle, topic: topic, timeoutMs: timeoutMs)
            if let rkt = rd_kafka_topic_new(handle, topic, nil) { preparedTopics.append(rkt) }
        }
    }

    /// Enqueues a record; its ``DeliveryReport`` carries `token`. Waits (serving delivery reports) while
    /// librdkafka's local queue is full.
    /// - Throws: A ``KafkaError`` when librdkafka refuses the record (e.g. too large, unknown partition);
    ///   `isFatal` is set when the producer hit a fatal error and must be replaced.
    public func send(_ message: OutboundMessage, token: UInt64) throws {
        while true {
            let code = enqueue(message, token: token)
            if code == RD_KAFKA_RESP_ERR_NO_ERROR { return }
            if code == RD_KAFKA_RESP_ERR__QUEUE_FULL {
                rd_kafka_poll(handle, 10)
                continue
            }
            var reason = [CChar](repeating: 0, count: 256)
            let fatal = rd_kafka_fatal_error(handle, &reason, reason.count)
            if fatal != RD_KAFKA_RESP_ERR_NO_ERROR { throw KafkaError(code: fatal, message: cString(reason), isFatal: true) }
            throw KafkaError(code: code)
        }
    }

    private func enqueue(_ message: OutboundMessage, token: UInt64) -> rd_kafka_resp_err_t {
        var headers: OpaquePointer? = nil
        if !message.headers.isEmpty {
            headers = rd_kafka_headers_new(message.headers.count)
            for h in message.headers {
                if let v = h.value {
                    v.withUnsafeBytes { _ = rd_kafka_header_add(headers, h.name, -1, $0.baseAddress, $0.count) }
                } else {
                    _ = rd_kafka_header_add(headers, h.name, -1, nil, 0)
                }
            }
        }
        let result: rd_kafka_resp_err_t = message.topic.withCString { topic in
            withOptionalBytes(message.key) { key in
                withOptionalBytes(message.value) { value in
                    // At most 7 entries, on the stack: no allocation per record.
                    withUnsafeTemporaryAllocation(of: rd_kafka_vu_t.self, capacity: 7) { vus in
                        var n = 0
                        func add(_ type: rd_kafka_vtype_t, _ set: (inout rd_kafka_vu_t) -> Void) {
                            vus[n] = rd_kafka_vu_t()
                            vus[n].vtype = type
                            set(&vus[n])
                            n += 1
                        }
                        add(RD_KAFKA_VTYPE_TOPIC) { $0.u.cstr = topic }
                        add(RD_KAFKA_VTYPE_MSGFLAGS) { $0.u.i = RD_KAFKA_MSG_F_COPY }
                        add(RD_KAFKA_VTYPE_OPAQUE) { $0.u.ptr = UnsafeMutableRawPointer(bitPattern: UInt(token)) }
                        if let partition = message.partition { add(RD_KAFKA_VTYPE_PARTITION) { $0.u.i32 = partition } }
                        if let key {
                            add(RD_KAFKA_VTYPE_KEY) { $0.u.mem.ptr = UnsafeMutableRawPointer(mutating: key.baseAddress); $0.u.mem.size = key.count }
                        }
                        if let value {
                            add(RD_KAFKA_VTYPE_VALUE) { $0.u.mem.ptr = UnsafeMutableRawPointer(mutating: value.baseAddress); $0.u.mem.size = value.count }
                        }
                        if let headers { add(RD_KAFKA_VTYPE_HEADERS) { $0.u.headers = headers } }
                        guard let error = rd_kafka_produceva(handle, vus.baseAddress, n) else { return RD_KAFKA_RESP_ERR_NO_ERROR }
                        defer { rd_kafka_error_destroy(error) }
                        return rd_kafka_error_code(error)
                    }
                }
            }
        }
        // On success librdkafka owns the headers; on failure they are still ours.
        if result != RD_KAFKA_RESP_ERR_NO_ERROR, let headers { rd_kafka_headers_destroy(headers) }
        return result
    }

    /// Serves delivery reports and errors for up to `timeoutMs`; returns the number of events served.
    @discardableResult
    public func poll(timeoutMs: Int32 = 0) -> Int {
        Int(rd_kafka_poll(handle, timeoutMs))
    }

    /// Waits until every enqueued record has a delivery report (served on this thread), at most `timeoutMs`.
    /// - Returns: true when nothing is left outstanding.
    @discardableResult
    public func flush(timeoutMs: Int32) -> Bool {
        rd_kafka_flush(handle, timeoutMs) == RD_KAFKA_RESP_ERR_NO_ERROR
    }

    /// Records enqueued but not yet reported, plus pending events.
    public var outstanding: Int { Int(rd_kafka_outq_len(handle)) }

    /// The number of partitions of `topic`, asked of the cluster.
    /// - Throws: A ``KafkaError`` when the metadata request fails or the topic does not exist.
    public func partitionCount(of topic: String, timeoutMs: Int32 = 10_000) throws -> Int {
        try fetchPartitionCount(handle: handle, topic: topic, timeoutMs: timeoutMs)
    }

    /// Drops every record not yet delivered (each gets a failed delivery report with `_PURGE_QUEUE` or
    /// `_PURGE_INFLIGHT` on the next poll) and destroys the client. For a producer that hit a fatal error.
    public func abandon() {
        guard !closed else { return }
        rd_kafka_purge(handle, Int32(RD_KAFKA_PURGE_F_QUEUE | RD_KAFKA_PURGE_F_INFLIGHT))
        rd_kafka_poll(handle, 0)
        destroy()
    }

    /// Makes the client fail as if the broker had reported a fatal error (librdkafka's test hook).
    /// For tests of fatal-error recovery only.
    public func simulateFatalError() {
        _ = rd_kafka_test_fatal_error(handle, RD_KAFKA_RESP_ERR_OUT_OF_ORDER_SEQUENCE_NUMBER, "simulated fatal error")
    }

    /// The names of all topics of the cluster (one metadata request; creates nothing).
    public func topicNames(timeoutMs: Int32 = 10_000) throws -> Set<String> {
        try fetchTopicNames(handle: handle, timeoutMs: timeoutMs)
    }

    /// Flushes outstanding records (at most `timeoutMs`) and destroys the client.
    /// - Returns: the number of records that could not be flushed in time.
    @discardableResult
    public func close(timeoutMs: Int32 = 10_000) -> Int {
        guard !closed else { return 0 }
        rd_kafka_flush(handle, timeoutMs)
        let left = outstanding
        destroy()
        return left
    }
}

func withOptionalBytes<R>(_ bytes: [UInt8]?, _ body: (UnsafeRawBufferPointer?) -> R) -> R {
    guard let bytes else { return body(nil) }
    return bytes.withUnsafeBytes { body($0) }
}

/// Asks the cluster for the names of all its topics.
func fetchTopicNames(handle: OpaquePointer, timeoutMs: Int32) throws -> Set<String> {
    var metadata: UnsafePointer<rd_kafka_metadata>?
    let err = rd_kafka_metadata(handle, 1, nil, &metadata, timeoutMs)
    guard err == RD_KAFKA_RESP_ERR_NO_ERROR, let metadata else { throw KafkaError(code: err) }
    defer { rd_kafka_metadata_destroy(metadata) }
    let md = metadata.pointee
    return Set((0..<Int(md.topic_cnt)).map { String(cString: md.topics[$0].topic) })
}

/// Asks the cluster for the partition count of `topic` without creating it.
func fetchPartitionCount(handle: OpaquePointer, topic: String, timeoutMs: Int32) throws -> Int {
    guard let rkt = rd_kafka_topic_new(handle, topic, nil) else { throw KafkaError("cannot open topic \(topic)") }
    defer { rd_kafka_topic_destroy(rkt) }
    var metadata: UnsafePointer<rd_kafka_metadata>?
    let err = rd_kafka_metadata(handle, 0, rkt, &metadata, timeoutMs)
    guard err == RD_KAFKA_RESP_ERR_NO_ERROR, let metadata else { throw KafkaError(code: err) }
    defer { rd_kafka_metadata_destroy(metadata) }
    let md = metadata.pointee
    for i in 0..<Int(md.topic_cnt) where String(cString: md.topics[i].topic) == topic {
        let t = md.topics[i]
        if t.err != RD_KAFKA_RESP_ERR_NO_ERROR { throw KafkaError(code: t.err, message: "topic \(topic): \(String(cString: rd_kafka_err2str(t.err)))") }
        return Int(t.partition_cnt)
    }
    throw KafkaError("topic \(topic) not found")
}
