import BotCore
import Logging
import ServiceLifecycle

/// Runs an ``AnswerWorker`` as a service: starts it, and on graceful shutdown lets it finish its
/// outstanding answers, commit and leave the group.
public struct AnswerService: Service {
    private let worker: AnswerWorker

    public init(configuration: ServiceConfiguration, pack: KnowledgePack, logger: Logger, health: ServiceHealth = ServiceHealth()) {
        self.worker = AnswerWorker(configuration: configuration, pack: pack, logger: logger, health: health)
    }

    /// Runs until graceful shutdown or cancellation (e.g. another service of the group failed); either way
    /// the worker finishes its outstanding answers, commits and leaves the group before this returns.
    public func run() async throws {
        try worker.start()
        try await withTaskCancellationHandler {
            try await withGracefulShutdownHandler {
                try await worker.waitUntilFinished()
            } onGracefulShutdown: {
                worker.stop()
            }
        } onCancel: {
            worker.stop()
        }
    }
}
