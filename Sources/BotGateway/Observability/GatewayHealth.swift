import Foundation
import KafkaTransport
import Synchronization

/// What `/health/live` and `/health/ready` report, updated by the Kafka threads and read by the HTTP server.
public final class GatewayHealth: Sendable {
    private let readerRunning = Atomic<Bool>(false)
    private let senderRunning = Atomic<Bool>(false)
    private let failed = Atomic<Bool>(false)
    private let reachable = Atomic<Bool>(true)

    public init() {}

    /// Live unless a Kafka thread died.
    public var isLive: Bool { !failed.load(ordering: .relaxed) }

    /// Ready while the producer and the reply reader run and the brokers are reachable.
    public var isReady: Bool {
        isLive && readerRunning.load(ordering: .relaxed) && senderRunning.load(ordering: .relaxed) && reachable.load(ordering: .relaxed)
    }

    /// Whether the brokers answered lately.
    public var isReachable: Bool { reachable.load(ordering: .relaxed) }

    func setReaderRunning(_ value: Bool) { readerRunning.store(value, ordering: .relaxed) }
    func setSenderRunning(_ value: Bool) { senderRunning.store(value, ordering: .relaxed) }
    func setFailed() { failed.store(true, ordering: .relaxed) }

    /// Records whether the brokers are reachable; returns true when that changed.
    @discardableResult
    func setReachable(_ value: Bool) -> Bool { reachable.exchange(value, ordering: .relaxed) != value }
}

/// Reads the broker states out of librdkafka's statistics JSON: true when at least one broker is up.
func anyBrokerUp(statistics json: String) -> Bool {
    guard let root = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any],
          let brokers = root["brokers"] as? [String: Any] else { return false }
    return brokers.values.contains { b in
        guard let b = b as? [String: Any], let id = b["nodeid"] as? Int, id >= 0 else { return false }
        return b["state"] as? String == "UP"
    }
}

/// librdkafka errors that mean no broker can be reached (a single dropped connection does not).
func isOutage(_ error: KafkaError) -> Bool {
    ["_ALL_BROKERS_DOWN", "_MSG_TIMED_OUT"].contains(error.name)
}
