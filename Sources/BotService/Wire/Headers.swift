import KafkaTransport

/// Header names of the topic contract.
public enum Headers {
    public static let correlationID = "correlation-id"
    public static let traceparent = "traceparent"
    /// Copied from question to answer.
    public static let propagated: Set<String> = [correlationID, traceparent]
    /// On answers and state records: the question's partition and offset.
    public static let sourcePartition = "kolbot.source.partition"
    public static let sourceOffset = "kolbot.source.offset"
    public static let errorCode = "error.code"
    public static let errorMessage = "error.message"
    public static let originalTopic = "original.topic"
    public static let originalPartition = "original.partition"
    public static let originalOffset = "original.offset"
    /// On dead-letter records whose value was cut to the message limit: the original size in bytes.
    public static let originalSize = "original.size"
}

/// A question's position in the questions topic. Answers and state records carry it as the headers
/// `kolbot.source.partition` and `kolbot.source.offset`.
public struct PartitionOffset: Hashable, Sendable, CustomStringConvertible {
    public var partition: Int32
    public var offset: Int64

    public init(_ partition: Int32, _ offset: Int64) {
        self.partition = partition
        self.offset = offset
    }

    /// The position a record names in its source headers; nil when it names none.
    public init?(sourceOf record: InboundMessage) {
        guard let p = record.header(Headers.sourcePartition)?.stringValue.flatMap(Int32.init),
              let o = record.header(Headers.sourceOffset)?.stringValue.flatMap(Int64.init) else { return nil }
        self.init(p, o)
    }

    /// The source headers naming this position.
    public var headers: [MessageHeader] {
        let partitionValue = (0..<Int32(Self.partitionValues.count)).contains(partition)
            ? Self.partitionValues[Int(partition)] : Array(String(partition).utf8)
        return [MessageHeader(Headers.sourcePartition, partitionValue), MessageHeader(Headers.sourceOffset, String(offset))]
    }

    /// The header values of the first partition numbers, made once (every answer and state record names one).
    private static let partitionValues: [[UInt8]] = (0..<1024).map { Array(String($0).utf8) }

    public var description: String { "\(partition)@\(offset)" }
}
