internal import CRdKafka
import Logging

/// librdkafka's in-memory mock cluster: Kafka-protocol brokers on ephemeral localhost TCP ports.
///
/// For tests and the embedded mode only: it keeps about 5 MiB per partition, does not compact and
/// implements no transaction guarantees.
public final class MockCluster: @unchecked Sendable {
    private let context: ClientContext
    private let host: OpaquePointer
    private let cluster: OpaquePointer
    /// The bootstrap servers, e.g. `127.0.0.1:39291` (comma-separated for several brokers).
    public let bootstrapServers: String
    /// The number of brokers.
    public let brokerCount: Int

    /// Starts a cluster of `brokers` brokers.
    public init(brokers: Int = 1, logger: Logger) throws {
        precondition(brokers >= 1, "a cluster needs a broker")
        let context = ClientContext(logger: logger)
        self.context = context
        self.host = try makeHandle(type: RD_KAFKA_PRODUCER, configuration: KafkaConfiguration(["log_level": "3"]), context: context)
        guard let cluster = rd_kafka_mock_cluster_new(host, Int32(brokers)) else {
            rd_kafka_destroy(host)
            throw KafkaError("cannot start the mock cluster")
        }
        self.cluster = cluster
        self.brokerCount = brokers
        self.bootstrapServers = String(cString: rd_kafka_mock_cluster_bootstraps(cluster))
    }

    deinit {
        rd_kafka_mock_cluster_destroy(cluster)
        rd_kafka_destroy(host)
    }

    /// Creates a topic (replication factor at most 3 and at most the broker count).
    public func createTopic(_ name: String, partitions: Int, replicationFactor: Int? = nil) throws {
        let rf = replicationFactor ?? min(3, brokerCount)
        let err = rd_kafka_mock_topic_create(cluster, name, Int32(partitions), Int32(rf))
        if err != RD_KAFKA_RESP_ERR_NO_ERROR { throw KafkaError(code: err) }
    }

    /// Takes broker `id` (1-based) down: its connections close and it refuses new ones.
    public func setBrokerDown(_ id: Int32) throws {
        let err = rd_kafka_mock_broker_set_down(cluster, id)
        if err != RD_KAFKA_RESP_ERR_NO_ERROR { throw KafkaError(code: err) }
    }

    /// Brings broker `id` back up.
    public func setBrokerUp(_ id: Int32) throws {
        let err = rd_kafka_mock_broker_set_up(cluster, id)
        if err != RD_KAFKA_RESP_ERR_NO_ERROR { throw KafkaError(code: err) }
    }

    /// Moves the leadership of a partition to broker `id`.
    public func setLeader(_ tp: TopicPartition, broker id: Int32) throws {
        let err = rd_kafka_mock_partition_set_leader(cluster, tp.topic, tp.partition, id)
        if err != RD_KAFKA_RESP_ERR_NO_ERROR { throw KafkaError(code: err) }
    }

    /// Makes the next requests of API `apiKey` (e.g. 0 = Produce, 1 = Fetch) fail with the given error codes, in order.
    public func pushRequestErrors(apiKey: Int16, errors: [Int32]) {
        var codes = errors.map { rd_kafka_resp_err_t(rawValue: $0) }
        codes.withUnsafeMutableBufferPointer { buf in
            rd_kafka_mock_push_request_errors_array(cluster, apiKey, buf.count, buf.baseAddress)
        }
    }
}
