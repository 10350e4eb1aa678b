import BotCore
import Foundation
import KafkaTransport
import Logging
import Synchronization

/// The answering service's worker: one dedicated thread that owns the consumer, the producer and the
/// conversation state (an ``AnsweringLoop``), so nothing on the hot path takes a lock, hops to an actor or
/// spawns a task.
public final class AnswerWorker: Sendable {
    private enum Lifecycle {
        case idle
        case running
        case finished((any Error)?)
    }

    private let configuration: ServiceConfiguration
    private let pack: KnowledgePack
    private let logger: Logger
    /// What the health endpoints report.
    public let health: ServiceHealth
    private let stopRequested = Atomic<Bool>(false)
    private let faultRequested = Atomic<Bool>(false)
    private let lifecycle = Mutex<(state: Lifecycle, waiters: [CheckedContinuation<Void, any Error>])>((.idle, []))

    /// Creates a worker; nothing connects until ``start()``.
    public init(configuration: ServiceConfiguration, pack: KnowledgePack, logger: Logger, health: ServiceHealth = ServiceHealth()) {
        self.configuration = configuration
        self.pack = pack
        self.logger = logger
        self.health = health
    }

    /// Connects, checks the topics, joins the group and starts the answering thread.
    /// - Throws: A ``KafkaError`` for invalid settings or missing topics; an error if already started.
    public func start() throws {
        try lifecycle.withLock { s in
            guard case .idle = s.state else { throw KafkaError("the worker was started already") }
            s.state = .running
        }
        let loop: AnsweringLoop
        do {
            loop = try AnsweringLoop(configuration: configuration, pack: pack, health: health, logger: logger)
        } catch {
            finish(error)
            throw error
        }
        let handoff = Handoff(loop)
        let thread = Thread { [self] in
            var failure: (any Error)?
            health.setRunning(true)
            defer { health.setRunning(false) }
            do {
                try handoff.loop.run(until: { stopRequested.load(ordering: .acquiring) },
                                     faultRequested: { faultRequested.exchange(false, ordering: .acquiringAndReleasing) })
            } catch {
                failure = error
                health.setLoopFailed()
                logger.error("answering loop failed", metadata: [LogKey.error: "\(error)"])
            }
            finish(failure)
        }
        thread.name = "kolbot-answers"
        thread.start()
    }

    /// Moves the loop to the answering thread, which owns it from then on.
    private struct Handoff: @unchecked Sendable {
        let loop: AnsweringLoop
        init(_ loop: AnsweringLoop) { self.loop = loop }
    }

    private func finish(_ failure: (any Error)?) {
        let waiters = lifecycle.withLock { s -> [CheckedContinuation<Void, any Error>] in
            s.state = .finished(failure)
            defer { s.waiters = [] }
            return s.waiters
        }
        for w in waiters {
            if let failure { w.resume(throwing: failure) } else { w.resume() }
        }
    }

    /// Asks the loop to stop: it stops consuming, waits for outstanding answers, commits and leaves the group.
    public func stop() {
        stopRequested.store(true, ordering: .releasing)
    }

    /// Blocks the calling thread until the loop has stopped and the clients are closed.
    /// - Throws: the error that ended the loop, if any.
    public func join() throws {
        while true {
            let state = lifecycle.withLock { $0.state }
            if case .finished(let failure) = state {
                if let failure { throw failure }
                return
            }
            usleep(10_000)
        }
    }

    /// Waits until the loop has stopped and the clients are closed.
    /// - Throws: the error that ended the loop, if any.
    public func waitUntilFinished() async throws {
        try await withCheckedThrowingContinuation { (c: CheckedContinuation<Void, any Error>) in
            let state = lifecycle.withLock { s -> Lifecycle in
                if case .finished = s.state {} else { s.waiters.append(c) }
                return s.state
            }
            if case .finished(let failure) = state {
                if let failure { c.resume(throwing: failure) } else { c.resume() }
            }
        }
    }

    /// Makes the producer fail as a fenced or out-of-sequence idempotent producer would; the worker must
    /// restart its transport and lose nothing.
    @_spi(Testing)
    public func simulateFatalProducerError() {
        faultRequested.store(true, ordering: .releasing)
    }
}
