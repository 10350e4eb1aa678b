import KafkaTransport
import Logging

/// Turns librdkafka's stream of connection errors into one log line per change of state
/// (reachable → unreachable → reachable), and tells whether the brokers are reachable now.
struct ConnectivityMonitor {
    private(set) var isReachable = true
    private var since: Int64 = 0
    private var errors = 0
    let logger: Logger

    init(logger: Logger) {
        self.logger = logger
    }

    /// A client error. Connection errors mark the brokers unreachable; others are logged as they come.
    mutating func report(_ error: KafkaError, client: String, nowMs: Int64) {
        if error.isFatal {
            logger.error("\(client) fatal error", metadata: ["error": "\(error)"])
            return
        }
        guard Self.connectionErrors.contains(error.name) else {
            logger.warning("\(client) error", metadata: ["error": "\(error)"])
            return
        }
        errors += 1
        if isReachable {
            isReachable = false
            since = nowMs
            logger.warning("brokers unreachable", metadata: ["client": "\(client)", "error": "\(error.message)"])
        }
    }

    /// Traffic got through (a delivery acknowledged or records fetched).
    mutating func succeeded(nowMs: Int64) {
        guard !isReachable else { return }
        isReachable = true
        logger.info("brokers reachable again", metadata: ["outage_ms": "\(nowMs - since)", "errors": "\(errors)"])
        errors = 0
    }

    static let connectionErrors: Set<String> = ["_TRANSPORT", "_ALL_BROKERS_DOWN", "_RESOLVE", "_TIMED_OUT", "_MSG_TIMED_OUT"]
}
