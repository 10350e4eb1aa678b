/// Told about partition assignment changes of a group consumer. Called on the thread that polls the consumer,
/// inside ``KafkaConsumer/poll(maxMessages:timeoutMs:into:)`` or ``KafkaConsumer/close()``.
public protocol RebalanceListener: AnyObject {
    /// Partitions are being given to this consumer. Load what their messages need before returning.
    /// - Returns: start offsets that override the group's committed offsets (e.g. resume-from-output); empty for none.
    func partitionsAssigned(_ partitions: [TopicPartition]) -> [TopicPartition: Int64]

    /// Partitions are being taken away. Finish their in-flight work and store their offsets before returning:
    /// the consumer commits stored offsets right after this call.
    func partitionsRevoked(_ partitions: [TopicPartition], lost: Bool)
}
