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
    private let delivery: any AnswerDelivery
    private let recovery: PartitionRecovery
    private let connectivity: ConnectivityMonitor
    /// Metadata (partition counts, topic names for the `reply_to` check).
    private let admin: KafkaAdmin
    private var batch: [InboundMessage] = []
    private var lastExpirySweepMs: Int64 = 0
    private var lastStateSizeMs: Int64 = 0

    /// Connects, checks the topics and joins the group.
    /// - Throws: A ``KafkaError`` for invalid settings or missing or mismatched topics.
    init(configuration: ServiceConfiguration, pack: KnowledgePack, health: ServiceHealth, logger: Logger) throws {
        self.configuration = configuration
        self.logger = logger
        let metrics = ServiceMetrics()
        let connectivity = ConnectivityMonitor(logger: logger, health: health)
        self.connectivity = connectivity
        let admin = try KafkaAdmin(configuration: KafkaConfiguration(configuration.producerProperties), logger: logger)
        self.admin = admin
        let coPartitioned = try Self.checkTopics(configuration, admin: admin, logger: logger)
        pipeline = try AnsweringPipeline(
            settings: AnsweringPipeline.Settings(configuration, answersCoPartitioned: coPartitioned), pack: pack, metrics: metrics,
            listTopics: { try admin.topicNames() })
        let records = QuestionRecords(deadLetterTopic: configuration.deadLetterTopic, maxMessageBytes: configuration.limits.maxMessageBytes,
                                      metrics: metrics, logger: logger)
        if configuration.delivery == .transactional {
            if admin.isMockCluster() {
                logger.warning("""
                    the brokers are librdkafka's mock cluster: it accepts transactions but implements none of their guarantees \
                    (no fencing, aborted records stay visible, offsets are not committed); use a real Kafka cluster for transactional delivery
                    """)
            }
            delivery = TransactionalDelivery(configuration: configuration, records: records, pipeline: pipeline, connectivity: connectivity, logger: logger)
        } else {
            delivery = try AcknowledgedDelivery(configuration: KafkaConfiguration(configuration.producerProperties), questionsTopic: configuration.questionsTopic,
                                                topics: configuration.writtenTopics, commitIntervalMs: configuration.commitIntervalMs, records: records,
                                                pipeline: pipeline, connectivity: connectivity, logger: logger)
        }
        let reader = configuration.delivery != .atLeastOnce || configuration.stateChangelog
            ? try TopicReader(configuration: KafkaConfiguration(configuration.readerProperties), logger: logger) : nil
        recovery = PartitionRecovery(configuration: configuration, pipeline: pipeline, delivery: delivery, reader: reader, health: health, logger: logger)
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
                                               LogKey.delivery: "\(configuration.delivery.rawValue)",
                                               LogKey.instance: "\(configuration.instanceID ?? "-")"])
    }

    /// Checks the partition counts the delivery mode and the changelog need; returns whether answers are
    /// co-partitioned with questions.
    private static func checkTopics(_ c: ServiceConfiguration, admin: KafkaAdmin, logger: Logger) throws -> Bool {
        let questions = try admin.partitionCount(of: c.questionsTopic)
        let answers = try admin.partitionCount(of: c.answersTopic)
        let coPartitioned = answers == questions
        if !coPartitioned && c.delivery != .atLeastOnce {
            throw KafkaError("\(c.delivery.rawValue) delivery needs co-partitioned topics: \(c.questionsTopic) has \(questions) partitions, "
                + "\(c.answersTopic) has \(answers); create them with the same count or use --at-least-once")
        }
        if !coPartitioned {
            logger.warning("answers topic is not co-partitioned with the questions topic; answers are partitioned by user",
                           metadata: [LogKey.questionsPartitions: "\(questions)", LogKey.answersPartitions: "\(answers)"])
        }
        if c.stateChangelog {
            let state = try admin.partitionCount(of: c.stateTopic)
            guard state == questions else {
                throw KafkaError("the state changelog \(c.stateTopic) has \(state) partitions and \(c.questionsTopic) "
                    + "\(questions); create it with the same count (compacted), or run with --state-changelog off")
            }
        }
        return coPartitioned
    }

    /// Answers batches until `shouldStop` says so, then shuts down: finishes outstanding answers, commits and
    /// leaves the group.
    /// - Throws: A fatal error of the consumer, a failed takeover of assigned partitions, or a failed restart.
    func run(until shouldStop: () -> Bool, faultRequested: () -> Bool) throws {
        defer { shutDown() }
        while !shouldStop() {
            if faultRequested() { delivery.simulateFatalError() }
            batch.removeAll(keepingCapacity: true)
            try consumer.poll(maxMessages: configuration.batchSize, timeoutMs: delivery.inFlight > 0 ? 5 : 100, into: &batch)
            if let failure = recovery.failure { throw failure }
            if !batch.isEmpty { connectivity.succeeded() }
            for message in batch {
                // After a fatal producer error the rest of the batch is read again once the transport restarts.
                if delivery.needsRestart { break }
                delivery.send(pipeline.handle(message, nowMs: currentTimeMs()), for: message)
            }
            delivery.poll()
            let thrownAway = delivery.finishBatch(consumer: consumer)
            try recovery.rewind(thrownAway, consumer: consumer)
            pipeline.metrics.producerQueueDepth.record(delivery.queueDepth)
            expireStates()
            if delivery.needsRestart { try recovery.restartTransport(consumer: consumer) }
        }
    }

    /// Writes tombstones for users the engine has let go (idle expiry, user cap), once a minute.
    /// Also records the users in memory and their bytes, every 5 seconds.
    private func expireStates() {
        let now = currentTimeMs()
        if now - lastStateSizeMs >= 5_000 {
            lastStateSizeMs = now
            pipeline.recordStateSize()
        }
        guard now - lastExpirySweepMs >= 60_000 else { return }
        lastExpirySweepMs = now
        let tombstones = pipeline.expiredStates()
        for record in tombstones { delivery.sendHousekeeping(record, partition: record.partition ?? 0) }
        if !tombstones.isEmpty { logger.debug("expired users tombstoned", metadata: [LogKey.count: "\(tombstones.count)"]) }
    }

    private func shutDown() {
        logger.info("stopping: finishing outstanding answers", metadata: [LogKey.inFlight: "\(delivery.inFlight)"])
        let drained = delivery.finishAll(consumer: consumer, timeoutMs: configuration.shutdownTimeoutMs)
        consumer.close()   // leaves the group; the final revocation runs on this thread
        let left = delivery.close()
        logger.info("stopped", metadata: [LogKey.drained: "\(drained)", LogKey.unacknowledged: "\(left)"])
    }
}
