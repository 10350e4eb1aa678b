import BotCore
import KafkaTransport
import Logging

/// The answering thread's world: the clients and the parts that use them. Per batch it answers each question
/// through the pipeline, hands the records to the ledger, serves delivery reports and stores the offsets of
/// finished questions. Created by ``AnswerWorker/start()``, then owned by the answering thread alone.
final class AnsweringLoop {
    private let configuration: ServiceConfiguration
    private let logger: Logger
    private let consumer: KafkaConsumer
    private let pipeline: AnsweringPipeline
    private let ledger: DeliveryLedger
    private let recovery: PartitionRecovery
    private let connectivity: ConnectivityMonitor
    private var batch: [InboundMessage] = []
    private var lastExpirySweepMs: Int64 = 0

    /// Connects, checks the topics and joins the group.
    /// - Throws: A ``KafkaError`` for invalid settings or missing or mismatched topics.
    init(configuration: ServiceConfiguration, pack: KnowledgePack, health: ServiceHealth, logger: Logger) throws {
        self.configuration = configuration
        self.logger = logger
        let metrics = ServiceMetrics()
        let connectivity = ConnectivityMonitor(logger: logger, health: health)
        self.connectivity = connectivity
        let ledger = try DeliveryLedger(
            configuration: KafkaConfiguration(configuration.producerProperties), deadLetterTopic: configuration.deadLetterTopic,
            maxMessageBytes: configuration.limits.maxMessageBytes, metrics: metrics, connectivity: connectivity, logger: logger)
        self.ledger = ledger
        let coPartitioned = try Self.checkTopics(configuration, producer: ledger.producer, logger: logger)
        pipeline = try AnsweringPipeline(
            settings: AnsweringPipeline.Settings(configuration, answersCoPartitioned: coPartitioned), pack: pack, metrics: metrics,
            listTopics: { [unowned ledger] in try ledger.producer.topicNames() })
        let reader = configuration.delivery == .exactlyOnce || configuration.stateChangelog
            ? try TopicReader(configuration: KafkaConfiguration(configuration.consumerProperties), logger: logger) : nil
        recovery = PartitionRecovery(configuration: configuration, pipeline: pipeline, ledger: ledger, reader: reader, health: health, logger: logger)
        consumer = try KafkaConsumer(
            configuration: KafkaConfiguration(configuration.consumerProperties), logger: logger, listener: recovery,
            onError: { error in connectivity.report(error, client: "consumer") },
            onStatistics: { [questionsTopic = configuration.questionsTopic] json in
                guard let statistics = ClientStatistics(json: json, topic: questionsTopic) else { return }
                metrics.record(lag: statistics.lag)
                if statistics.anyBrokerUp { connectivity.succeeded() }
            })
        batch.reserveCapacity(configuration.batchSize)
        try consumer.subscribe([configuration.questionsTopic])
        logger.info("joined group", metadata: [LogKey.group: "\(configuration.groupID)", LogKey.topic: "\(configuration.questionsTopic)",
                                               LogKey.delivery: "\(configuration.delivery.rawValue)"])
    }

    /// Checks the partition counts the delivery mode and the changelog need; returns whether answers are
    /// co-partitioned with questions.
    private static func checkTopics(_ c: ServiceConfiguration, producer: KafkaProducer, logger: Logger) throws -> Bool {
        let questions = try producer.partitionCount(of: c.questionsTopic)
        let answers = try producer.partitionCount(of: c.answersTopic)
        let coPartitioned = answers == questions
        if !coPartitioned && c.delivery == .exactlyOnce {
            throw KafkaError("exactly-once delivery needs co-partitioned topics: \(c.questionsTopic) has \(questions) partitions, "
                + "\(c.answersTopic) has \(answers); create them with the same count or use --at-least-once")
        }
        if !coPartitioned {
            logger.warning("answers topic is not co-partitioned with the questions topic; answers are partitioned by user",
                           metadata: [LogKey.questionsPartitions: "\(questions)", LogKey.answersPartitions: "\(answers)"])
        }
        if c.stateChangelog {
            let state = try producer.partitionCount(of: c.stateTopic)
            guard state == questions else {
                throw KafkaError("the state changelog \(c.stateTopic) has \(state) partitions and \(c.questionsTopic) "
                    + "\(questions); create it with the same count (compacted), or run with --state-changelog off")
            }
        }
        return coPartitioned
    }

    /// Answers batches until `shouldStop` says so, then shuts down: waits for outstanding answers, commits and
    /// leaves the group.
    /// - Throws: A fatal error of the consumer, or a failed transport restart.
    func run(until shouldStop: () -> Bool, faultRequested: () -> Bool) throws {
        defer { shutDown() }
        while !shouldStop() {
            if faultRequested() { ledger.simulateFatalError() }
            batch.removeAll(keepingCapacity: true)
            try consumer.poll(maxMessages: configuration.batchSize, timeoutMs: ledger.inFlight > 0 ? 5 : 100, into: &batch)
            if !batch.isEmpty { connectivity.succeeded() }
            for message in batch {
                // After a fatal producer error the rest of the batch is read again once the transport restarts.
                if ledger.hasFailed { break }
                answer(message)
            }
            ledger.poll()
            ledger.storeOffsets(into: consumer, topic: configuration.questionsTopic, logger: logger)
            pipeline.metrics.producerQueueDepth.record(ledger.producer.outstanding)
            expireStates()
            if ledger.hasFailed { try recovery.restartTransport(consumer: consumer) }
        }
    }

    private func answer(_ message: InboundMessage) {
        let outcome = pipeline.handle(message, nowMs: currentTimeMs())
        let state = outcome.stateChanged.flatMap { pipeline.stateRecord(of: $0, position: PartitionOffset(message.partition, message.offset)) }
        ledger.send(outcome, for: message, deadLetter: { pipeline.deadLetter(message, error: $0) }, state: state)
    }

    /// Writes tombstones for users the engine has let go (idle expiry, user cap), once a minute.
    private func expireStates() {
        let now = currentTimeMs()
        guard now - lastExpirySweepMs >= 60_000 else { return }
        lastExpirySweepMs = now
        let tombstones = pipeline.expiredStates()
        for record in tombstones { ledger.sendHousekeeping(record, partition: record.partition ?? 0) }
        pipeline.recordStateSize()
        if !tombstones.isEmpty { logger.debug("expired users tombstoned", metadata: [LogKey.count: "\(tombstones.count)"]) }
    }

    private func shutDown() {
        logger.info("stopping: waiting for outstanding answers", metadata: [LogKey.inFlight: "\(ledger.inFlight)"])
        let drained = ledger.flush(timeoutMs: configuration.shutdownTimeoutMs)
        ledger.storeOffsets(into: consumer, topic: configuration.questionsTopic, logger: logger)
        do { try consumer.commit() } catch { logger.warning("final offset commit failed", metadata: [LogKey.error: "\(error)"]) }
        consumer.close()   // leaves the group; the final revocation runs on this thread
        let left = ledger.close(timeoutMs: 1_000)
        logger.info("stopped", metadata: [LogKey.drained: "\(drained)", LogKey.unacknowledged: "\(left)"])
    }
}
