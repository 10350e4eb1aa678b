/// A partition of a topic.
public struct TopicPartition: Hashable, Sendable, CustomStringConvertible {
    public var topic: String
    public var partition: Int32

    public init(_ topic: String, _ partition: Int32) {
        self.topic = topic
        self.partition = partition
    }

    public var description: String { "\(topic)[\(partition)]" }
}

/// Special offsets understood by librdkafka.
public enum KafkaOffset {
    /// The oldest message still in the log.
    public static let beginning: Int64 = -2
    /// The next message produced after the consumer starts.
    public static let end: Int64 = -1
    /// The committed offset of the group (or `auto.offset.reset` without one).
    public static let stored: Int64 = -1000
    /// No offset.
    public static let invalid: Int64 = -1001
}
