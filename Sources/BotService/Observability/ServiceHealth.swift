import Synchronization

/// What the health endpoints report, updated by the answering thread and read by the HTTP server.
public final class ServiceHealth: Sendable {
    private let loopFailed = Atomic<Bool>(false)
    private let assigned = Atomic<Bool>(false)
    private let reachable = Atomic<Bool>(true)

    public init() {}

    /// Live unless the answering loop has died.
    public var isLive: Bool { !loopFailed.load(ordering: .relaxed) }

    /// Ready while the consumer holds an assignment from the group and the brokers are reachable.
    public var isReady: Bool { isLive && assigned.load(ordering: .relaxed) && reachable.load(ordering: .relaxed) }

    func setAssigned(_ value: Bool) { assigned.store(value, ordering: .relaxed) }
    func setReachable(_ value: Bool) { reachable.store(value, ordering: .relaxed) }
    func setLoopFailed() { loopFailed.store(true, ordering: .relaxed) }
}
