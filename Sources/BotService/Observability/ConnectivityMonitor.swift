import KafkaTransport
import Logging

/// Turns librdkafka's stream of connection errors into one log line per change of state
/// (reachable → unreachable → reachable), and tells the health endpoint whether the brokers are reachable.
///
/// Unreachable means every broker connection is down (`_ALL_BROKERS_DOWN`, or a message timing out);
/// a single lost connection (`_TRANSPORT`, which real clusters also report when they close idle connections)
/// is logged at debug. Any traffic that gets through, or statistics showing a broker up, ends the outage.
/// Used on the answering thread only (client callbacks run inside its polls).
final class ConnectivityMonitor {
    private(set) var isReachable = true
    private var sinceMs: Int64 = 0
    private var errors = 0
    private let logger: Logger
    private let health: ServiceHealth

    init(logger: Logger, health: ServiceHealth) {
        self.logger = logger
        self.health = health
    }

    /// A client error. Connection errors mark the brokers unreachable; others are logged as they come.
    func report(_ error: KafkaError, client: String) {
        if error.isFatal {
            logger.error("client fatal error", metadata: [LogKey.client: "\(client)", LogKey.error: "\(error)"])
            return
        }
        if Self.connectionErrors.contains(error.name) {
            logger.debug("client connection error", metadata: [LogKey.client: "\(client)", LogKey.error: "\(error)"])
            return
        }
        guard Self.outageErrors.contains(error.name) else {
            logger.warning("client error", metadata: [LogKey.client: "\(client)", LogKey.error: "\(error)"])
            return
        }
        errors += 1
        if isReachable {
            isReachable = false
            health.setReachable(false)
            sinceMs = currentTimeMs()
            logger.warning("brokers unreachable", metadata: [LogKey.client: "\(client)", LogKey.error: "\(error.message)"])
        }
    }

    /// Traffic got through (a delivery acknowledged or records fetched).
    func succeeded() {
        guard !isReachable else { return }
        isReachable = true
        health.setReachable(true)
        logger.info("brokers reachable again", metadata: [LogKey.outageMs: "\(currentTimeMs() - sinceMs)", LogKey.errors: "\(errors)"])
        errors = 0
    }

    static let connectionErrors: Set<String> = ["_TRANSPORT", "_RESOLVE", "_TIMED_OUT"]
    static let outageErrors: Set<String> = ["_ALL_BROKERS_DOWN", "_MSG_TIMED_OUT"]
}
