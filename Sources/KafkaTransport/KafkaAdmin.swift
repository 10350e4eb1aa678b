internal import CRdKafka
import Logging

/// A topic to create with ``KafkaAdmin/createTopics(_:timeoutMs:)``.
public struct NewTopic: Sendable, Equatable {
    /// The topic name.
    public var name: String
    /// The number of partitions.
    public var partitions: Int
    /// The replication factor; -1 lets the broker choose its default.
    public var replicationFactor: Int
    /// Topic configuration, e.g. `cleanup.policy=compact`.
    public var config: [String: String]

    /// Creates a topic description.
    public init(name: String, partitions: Int, replicationFactor: Int = -1, config: [String: String] = [:]) {
        self.name = name
        self.partitions = partitions
        self.replicationFactor = replicationFactor
        self.config = config
    }
}

/// Cluster administration and metadata over the Kafka protocol: topic creation (`rd_kafka_CreateTopics`),
/// topic names and partition counts, the cluster id.
///
/// - Important: librdkafka 2.0.2's mock cluster does not implement CreateTopics; use
///   ``MockCluster/createTopic(_:partitions:replicationFactor:)`` there.
public final class KafkaAdmin: @unchecked Sendable {
    private let context: ClientContext
    private let handle: OpaquePointer

    /// Connects with `configuration` (needs `bootstrap.servers`).
    /// - Throws: A ``KafkaError`` for an invalid property.
    public init(configuration: KafkaConfiguration, logger: Logger) throws {
        context = ClientContext(logger: logger)
        handle = try makeHandle(type: RD_KAFKA_PRODUCER, configuration: configuration, context: context)
    }

    deinit { rd_kafka_destroy(handle) }

    /// Creates `topics`; a topic that already exists is not an error.
    /// - Returns: the names of the topics this call created.
    /// - Throws: A ``KafkaError`` naming the first topic the cluster refused, or when it does not answer in time.
    @discardableResult
    public func createTopics(_ topics: [NewTopic], timeoutMs: Int32 = 30_000) throws -> [String] {
        guard !topics.isEmpty else { return [] }
        var newTopics: [OpaquePointer?] = []
        defer { for t in newTopics { rd_kafka_NewTopic_destroy(t) } }
        var errstr = [CChar](repeating: 0, count: 512)
        for topic in topics {
            guard let t = rd_kafka_NewTopic_new(topic.name, Int32(topic.partitions), Int32(topic.replicationFactor), &errstr, errstr.count) else {
                throw KafkaError("invalid topic \(topic.name): \(cString(errstr))")
            }
            newTopics.append(t)
            for (key, value) in topic.config.sorted(by: { $0.key < $1.key }) {
                let err = rd_kafka_NewTopic_set_config(t, key, value)
                if err != RD_KAFKA_RESP_ERR_NO_ERROR { throw KafkaError(code: err, message: "topic \(topic.name): invalid config \(key)") }
            }
        }
        let options = rd_kafka_AdminOptions_new(handle, RD_KAFKA_ADMIN_OP_CREATETOPICS)
        defer { rd_kafka_AdminOptions_destroy(options) }
        _ = rd_kafka_AdminOptions_set_operation_timeout(options, timeoutMs, &errstr, errstr.count)
        _ = rd_kafka_AdminOptions_set_request_timeout(options, timeoutMs, &errstr, errstr.count)
        let queue = rd_kafka_queue_new(handle)
        defer { rd_kafka_queue_destroy(queue) }
        newTopics.withUnsafeMutableBufferPointer { rd_kafka_CreateTopics(handle, $0.baseAddress, $0.count, options, queue) }
        guard let event = rd_kafka_queue_poll(queue, timeoutMs + 5_000) else {
            throw KafkaError("no answer to CreateTopics within \(timeoutMs) ms")
        }
        defer { rd_kafka_event_destroy(event) }
        let eventError = rd_kafka_event_error(event)
        if eventError != RD_KAFKA_RESP_ERR_NO_ERROR {
            throw KafkaError(code: eventError, message: String(cString: rd_kafka_event_error_string(event)))
        }
        guard let result = rd_kafka_event_CreateTopics_result(event) else { throw KafkaError("unexpected admin result") }
        var count = 0
        guard let results = rd_kafka_CreateTopics_result_topics(result, &count) else { return [] }
        var created: [String] = []
        for i in 0..<count {
            guard let r = results[i] else { continue }
            let name = String(cString: rd_kafka_topic_result_name(r))
            let err = rd_kafka_topic_result_error(r)
            if err == RD_KAFKA_RESP_ERR_NO_ERROR {
                created.append(name)
            } else if err != RD_KAFKA_RESP_ERR_TOPIC_ALREADY_EXISTS {
                let why = rd_kafka_topic_result_error_string(r).map { String(cString: $0) }
                throw KafkaError(code: err, message: "cannot create topic \(name): \(why ?? String(cString: rd_kafka_err2str(err)))")
            }
        }
        return created
    }

    /// The names of all topics of the cluster (one metadata request; creates nothing).
    public func topicNames(timeoutMs: Int32 = 10_000) throws -> Set<String> {
        try fetchTopicNames(handle: handle, timeoutMs: timeoutMs)
    }

    /// The number of partitions of `topic`, asked of the cluster.
    /// - Throws: A ``KafkaError`` when the metadata request fails or the topic does not exist.
    public func partitionCount(of topic: String, timeoutMs: Int32 = 10_000) throws -> Int {
        try fetchPartitionCount(handle: handle, topic: topic, timeoutMs: timeoutMs)
    }

    /// The cluster id the brokers report (`rd_kafka_clusterid`); librdkafka's mock cluster reports `mockCluster…`.
    public func clusterID(timeoutMs: Int32 = 10_000) -> String? {
        guard let id = rd_kafka_clusterid(handle, timeoutMs) else { return nil }
        defer { rd_kafka_mem_free(handle, id) }
        return String(cString: id)
    }

    /// True when the brokers are librdkafka's mock cluster (it accepts transactions but guarantees none of them).
    public func isMockCluster(timeoutMs: Int32 = 10_000) -> Bool {
        clusterID(timeoutMs: timeoutMs)?.hasPrefix("mockCluster") ?? false
    }
}
