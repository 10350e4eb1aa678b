internal import CRdKafka

/// An error reported by librdkafka or by the transport itself.
public struct KafkaError: Error, Sendable, CustomStringConvertible {
    /// librdkafka's numeric error code (`rd_kafka_resp_err_t`), or 0 for transport-level errors.
    public let code: Int32
    /// librdkafka's name for the code, e.g. `_MSG_TIMED_OUT`.
    public let name: String
    /// A readable explanation.
    public let message: String
    /// True when librdkafka flags the error as fatal for the client instance.
    public let isFatal: Bool
    /// True when the failed call may be repeated.
    public let isRetriable: Bool
    /// True when the current transaction must be aborted (``KafkaProducer/abortTransaction(timeoutMs:)``).
    public let requiresAbort: Bool

    /// Creates a transport-level error with no librdkafka code.
    public init(_ message: String) {
        self.code = 0
        self.name = "TRANSPORT"
        self.message = message
        self.isFatal = false
        self.isRetriable = false
        self.requiresAbort = false
    }

    init(code: rd_kafka_resp_err_t, message: String? = nil, isFatal: Bool = false, isRetriable: Bool = false, requiresAbort: Bool = false) {
        self.code = code.rawValue
        self.name = String(cString: rd_kafka_err2name(code))
        self.message = message ?? String(cString: rd_kafka_err2str(code))
        self.isFatal = isFatal
        self.isRetriable = isRetriable
        self.requiresAbort = requiresAbort
    }

    /// Reads and destroys a rich `rd_kafka_error_t`.
    init(consuming error: OpaquePointer) {
        defer { rd_kafka_error_destroy(error) }
        self.init(
            code: rd_kafka_error_code(error),
            message: String(cString: rd_kafka_error_string(error)),
            isFatal: rd_kafka_error_is_fatal(error) != 0,
            isRetriable: rd_kafka_error_is_retriable(error) != 0,
            requiresAbort: rd_kafka_error_txn_requires_abort(error) != 0
        )
    }

    public var description: String { "\(name): \(message)" }
}
