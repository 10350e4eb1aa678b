import Synchronization

/// What the health endpoints report, updated by the answering thread and read by the HTTP server.
public final class ServiceHealth: Sendable {
    private let loopFailed = Atomic<Bool>(false)
    private let running = Atomic<Bool>(false)
    private let reachable = Atomic<Bool>(true)
    private let assigned = Atomic<Int>(0)

    public init() {}

    /// Live unless the answering loop has died.
    public var isLive: Bool { !loopFailed.load(ordering: .relaxed) }

    /// Ready while the answering loop runs and the brokers are reachable. An instance that holds no partitions
    /// (more instances than partitions, or waiting for a rebalance) is ready: it takes partitions when they move.
    public var isReady: Bool { isLive && running.load(ordering: .relaxed) && reachable.load(ordering: .relaxed) }

    /// Whether the brokers are reachable.
    public var isReachable: Bool { reachable.load(ordering: .relaxed) }

    /// The number of question partitions this instance holds.
    public var assignedPartitions: Int { assigned.load(ordering: .relaxed) }

    /// A JSON object with the details: `{"live", "ready", "brokers_reachable", "assigned_partitions"}`.
    public var detailsJSON: String {
        "{\"live\":\(isLive),\"ready\":\(isReady),\"brokers_reachable\":\(isReachable),\"assigned_partitions\":\(assignedPartitions)}\n"
    }

    func setRunning(_ value: Bool) { running.store(value, ordering: .relaxed) }
    func setReachable(_ value: Bool) { reachable.store(value, ordering: .relaxed) }
    func setAssignedPartitions(_ count: Int) { assigned.store(count, ordering: .relaxed) }
    func setLoopFailed() { loopFailed.store(true, ordering: .relaxed) }
}
