/// Told about partition assignment changes of a group consumer. Called on the thread that polls the consumer,
/// inside ``KafkaConsumer/poll(maxMessages:timeoutMs:into:)`` or ``KafkaConsumer/close()``.
public protocol RebalanceListener: AnyObject {
    /// Partitions are being given to `consumer`. Load what their messages need before returning.
    /// - Returns: start offsets that override the group's committed offsets (e.g. resume-from-output); empty for none.
    func partitionsAssigned(_ partitions: [TopicPartition], consumer: KafkaConsumer) -> [TopicPartition: Int64]

    /// Partitions are being taken from `consumer`. Finish their in-flight work and store their offsets before
    /// returning: the consumer commits stored offsets right after this call. `lost` partitions were taken
    /// without notice (the session expired): their work must be dropped, not committed.
    func partitionsRevoked(_ partitions: [TopicPartition], lost: Bool, consumer: KafkaConsumer)
}
