internal import CRdKafka

/// Kafka transactions (KIP-98, KIP-447): records and consumer offsets that become visible atomically.
/// Needs `transactional.id` in the producer's configuration. Each call blocks; call them from the thread that
/// owns the producer (delivery reports are served meanwhile).
extension KafkaProducer {
    /// Registers the `transactional.id` with the cluster, fencing any earlier producer with the same id and
    /// aborting its open transaction (`rd_kafka_init_transactions`).
    /// - Throws: A ``KafkaError``; `isRetriable` when the call may be repeated.
    public func initTransactions(timeoutMs: Int32 = 30_000) throws {
        if let error = rd_kafka_init_transactions(handle, timeoutMs) { throw KafkaError(consuming: error) }
    }

    /// Starts a transaction (`rd_kafka_begin_transaction`).
    public func beginTransaction() throws {
        if let error = rd_kafka_begin_transaction(handle) { throw KafkaError(consuming: error) }
    }

    /// Adds the consumer's offsets (the next offsets to read) to the transaction, with the consumer's group
    /// metadata so that a zombie of an older group generation is fenced (`rd_kafka_send_offsets_to_transaction`).
    public func sendOffsetsToTransaction(_ offsets: [TopicPartition: Int64], consumer: KafkaConsumer, timeoutMs: Int32 = 30_000) throws {
        guard !offsets.isEmpty else { return }
        guard let metadata = rd_kafka_consumer_group_metadata(consumer.handle) else {
            throw KafkaError("the consumer has no group metadata")
        }
        defer { rd_kafka_consumer_group_metadata_destroy(metadata) }
        let list = makePartitionList(offsets.map { ($0.key, $0.value) })
        defer { rd_kafka_topic_partition_list_destroy(list) }
        if let error = rd_kafka_send_offsets_to_transaction(handle, list, metadata, timeoutMs) { throw KafkaError(consuming: error) }
    }

    /// Commits the transaction: flushes its records, then makes them and its offsets visible
    /// (`rd_kafka_commit_transaction`).
    /// - Throws: A ``KafkaError``; `requiresAbort` when ``abortTransaction(timeoutMs:)`` must follow,
    ///   `isFatal` when the producer is fenced or otherwise unusable.
    public func commitTransaction(timeoutMs: Int32 = 30_000) throws {
        if let error = rd_kafka_commit_transaction(handle, timeoutMs) { throw KafkaError(consuming: error) }
    }

    /// Aborts the transaction: its records stay invisible to `read_committed` readers (`rd_kafka_abort_transaction`).
    public func abortTransaction(timeoutMs: Int32 = 30_000) throws {
        if let error = rd_kafka_abort_transaction(handle, timeoutMs) { throw KafkaError(consuming: error) }
    }
}
