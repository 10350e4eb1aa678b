import BotCore
import Logging
import ServiceLifecycle

/// Runs an ``AnswerWorker`` as a service: starts it, and on graceful shutdown lets it finish its
/// outstanding answers, commit and leave the group.
public struct AnswerService: Service {
    private let worker: AnswerWorker

    public init(configuration: ServiceConfiguration, pack: KnowledgePack, logger: Logger) {
        self.worker = AnswerWorker(configuration: configuration, pack: pack, logger: logger)
    }

    public func run() async throws {
        try worker.start()
        try await withGracefulShutdownHandler {
            try await worker.waitUntilFinished()
        } onGracefulShutdown: {
            worker.stop()
        }
    }
}
