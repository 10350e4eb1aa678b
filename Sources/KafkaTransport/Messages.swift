/// A Kafka record header.
public struct MessageHeader: Sendable, Equatable {
    public var name: String
    /// The value bytes; nil for a header without a value.
    public var value: [UInt8]?

    public init(_ name: String, _ value: [UInt8]?) {
        self.name = name
        self.value = value
    }

    /// Creates a header whose value is the UTF-8 of `value`.
    public init(_ name: String, _ value: String) {
        self.init(name, Array(value.utf8))
    }

    /// The value decoded as UTF-8 (invalid sequences repaired).
    public var stringValue: String? { value.map { String(decoding: $0, as: UTF8.self) } }
}

/// A record read by a consumer. Key, value and headers are copied out of librdkafka once.
public struct InboundMessage: Sendable {
    public var topic: String
    public var partition: Int32
    public var offset: Int64
    /// The key; nil when the record has none.
    public var key: [UInt8]?
    /// The value; nil for a tombstone (null value).
    public var value: [UInt8]?
    public var headers: [MessageHeader]
    /// The record timestamp in milliseconds since the epoch, if any.
    public var timestampMs: Int64?

    public init(topic: String, partition: Int32, offset: Int64, key: [UInt8]?, value: [UInt8]?,
                headers: [MessageHeader] = [], timestampMs: Int64? = nil) {
        self.topic = topic
        self.partition = partition
        self.offset = offset
        self.key = key
        self.value = value
        self.headers = headers
        self.timestampMs = timestampMs
    }

    /// The first header called `name`.
    public func header(_ name: String) -> MessageHeader? { headers.first { $0.name == name } }
}

/// A record to produce.
public struct OutboundMessage: Sendable {
    public var topic: String
    /// The partition; nil lets the partitioner choose from the key.
    public var partition: Int32?
    public var key: [UInt8]?
    public var value: [UInt8]?
    public var headers: [MessageHeader]

    public init(topic: String, partition: Int32? = nil, key: [UInt8]?, value: [UInt8]?, headers: [MessageHeader] = []) {
        self.topic = topic
        self.partition = partition
        self.key = key
        self.value = value
        self.headers = headers
    }
}

/// The broker's verdict on one produced record.
public struct DeliveryReport: Sendable {
    /// The token given to ``KafkaProducer/send(_:token:)``.
    public var token: UInt64
    /// nil when the broker acknowledged the record.
    public var error: KafkaError?
    public var topic: String
    public var partition: Int32
    /// The record's offset, when acknowledged.
    public var offset: Int64
    /// The record itself, copied back only for failed deliveries so it can be retried or dead-lettered.
    public var failedMessage: OutboundMessage?
}
