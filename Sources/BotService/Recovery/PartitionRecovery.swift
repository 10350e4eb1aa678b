import KafkaTransport
import Logging

/// What happens when partitions come and go, and after a fatal producer error: where each assigned partition
/// resumes (resume-from-output), restoring and replaying its users' conversation state, and finishing or
/// dropping a revoked partition's work. Runs on the answering thread, inside consumer poll or close.
final class PartitionRecovery: RebalanceListener {
    private let configuration: ServiceConfiguration
    private let pipeline: AnsweringPipeline
    private let ledger: DeliveryLedger
    /// Reads the answers tail (resume-from-output) and the state changelog; nil when neither is needed.
    private let reader: TopicReader?
    private let health: ServiceHealth
    private let logger: Logger

    init(configuration: ServiceConfiguration, pipeline: AnsweringPipeline, ledger: DeliveryLedger, reader: TopicReader?,
         health: ServiceHealth, logger: Logger) {
        self.configuration = configuration
        self.pipeline = pipeline
        self.ledger = ledger
        self.reader = reader
        self.health = health
        self.logger = logger
    }

    private var metrics: ServiceMetrics { pipeline.metrics }

    // MARK: Rebalance

    func partitionsAssigned(_ partitions: [TopicPartition], consumer: KafkaConsumer) -> [TopicPartition: Int64] {
        metrics.rebalances.increment()
        let resume = configuration.delivery == .exactlyOnce ? resumePoints(partitions, consumer: consumer) : ResumePoints()
        let restored = restoreState(of: partitions.map(\.partition), answered: resume.answered)
        let assigned = consumer.assignment().count + partitions.count
        metrics.assignedPartitions.record(assigned)
        health.setAssignedPartitions(assigned)
        logger.info("partitions assigned", metadata: [
            LogKey.partitions: "\(partitions.map(\.partition).sorted())",
            LogKey.resumedAt: "\(resume.starts.map { "\($0.key.partition)@\($0.value)" }.sorted())",
            LogKey.usersRestored: "\(restored)"])
        return resume.starts
    }

    func partitionsRevoked(_ partitions: [TopicPartition], lost: Bool, consumer: KafkaConsumer) {
        metrics.rebalances.increment()
        let ps = partitions.map(\.partition)
        if !lost {
            // Finish the revoked partitions' answers so their offsets can be committed before they move.
            ledger.flush(timeoutMs: configuration.shutdownTimeoutMs)
            ledger.storeOffsets(into: consumer, topic: configuration.questionsTopic, logger: logger)
        }
        let unacknowledged = ledger.forget(partitions: ps)
        let dropped = pipeline.dropState(of: Set(ps))
        metrics.usersInMemory.record(pipeline.engine.userCount)
        let remaining = max(consumer.assignment().count - partitions.count, 0)
        metrics.assignedPartitions.record(remaining)
        health.setAssignedPartitions(remaining)
        logger.info("partitions revoked", metadata: [LogKey.partitions: "\(ps.sorted())", LogKey.lost: "\(lost)",
                                                     LogKey.unacknowledged: "\(unacknowledged)", LogKey.usersDropped: "\(dropped)"])
    }

    // MARK: Resume, restore, replay

    struct ResumePoints {
        /// Where each partition resumes, overriding the committed offset.
        var starts: [TopicPartition: Int64] = [:]
        /// The last question answered on each partition.
        var answered: [Int32: Int64] = [:]
    }

    /// Resume-from-output: for each partition, the offset after the last question answered on the matching
    /// answers partition, never before the group's committed offset.
    private func resumePoints(_ partitions: [TopicPartition], consumer: KafkaConsumer) -> ResumePoints {
        guard let reader else { return ResumePoints() }
        do {
            let last = try reader.lastRecords(topic: configuration.answersTopic, partitions: partitions.map(\.partition))
            let committed = try consumer.committed(partitions)
            var points = ResumePoints()
            for tp in partitions {
                guard let record = last[tp.partition], let source = PartitionOffset(sourceOf: record), source.partition == tp.partition else { continue }
                points.starts[tp] = max(source.offset + 1, committed[tp] ?? KafkaOffset.invalid)
                points.answered[tp.partition] = source.offset
            }
            return points
        } catch {
            logger.warning("cannot read the answers topic to resume; using committed offsets (at-least-once)", metadata: [LogKey.error: "\(error)"])
            return ResumePoints()
        }
    }

    /// Restores the users of `partitions` from the changelog, replaying questions answered after their newest
    /// state record; returns how many users were restored.
    private func restoreState(of partitions: [Int32], answered: [Int32: Int64]) -> Int {
        guard let reader, configuration.stateChangelog else { return 0 }
        var restored = 0
        for partition in partitions {
            do {
                let (users, stateOffset) = try pipeline.restoreState(of: partition, reader: reader)
                restored += users
                // The state must not be older than the last answer: replay what was answered after it.
                if let last = answered[partition], stateOffset < last {
                    try replay(partition, from: stateOffset + 1, through: last, reader: reader)
                }
            } catch {
                logger.warning("cannot restore conversation state", metadata: [LogKey.partition: "\(partition)", LogKey.error: "\(error)"])
            }
        }
        metrics.usersInMemory.record(pipeline.engine.userCount)
        return restored
    }

    /// Runs questions `from...through` of `partition` through the core again without answering, so the state
    /// catches up with answers sent before a crash whose state record was not; then writes the caught-up states.
    private func replay(_ partition: Int32, from: Int64, through: Int64, reader: TopicReader) throws {
        var users = Set<String>()
        try reader.readAll(topic: configuration.questionsTopic, partition: partition, from: from, through: through) { record in
            if let user = pipeline.replay(record) { users.insert(user) }
        }
        for user in users {
            if let record = pipeline.stateRecord(of: user, position: PartitionOffset(partition, through)) {
                ledger.sendHousekeeping(record, partition: partition)
            }
        }
        logger.info("conversation state replayed", metadata: [LogKey.partition: "\(partition)", LogKey.from: "\(from)",
                                                               LogKey.through: "\(through)", LogKey.users: "\(users.count)"])
    }

    // MARK: Fatal producer errors

    /// Replaces a producer that hit a fatal error (fenced, out of sequence) and rewinds every assigned partition
    /// to its first question whose answer was not acknowledged; rebuilds their users' state from the changelog,
    /// since the in-memory state may count questions whose answers were just dropped.
    func restartTransport(consumer: KafkaConsumer) throws {
        logger.error("producer hit a fatal error; restarting the transport", metadata: [LogKey.inFlight: "\(ledger.inFlight)"])
        ledger.storeOffsets(into: consumer, topic: configuration.questionsTopic, logger: logger)
        do { try consumer.commit() } catch { logger.warning("offset commit before restart failed", metadata: [LogKey.error: "\(error)"]) }
        try ledger.replaceProducer()
        let assigned = consumer.assignment()
        var starts = try consumer.committed(assigned).filter { $0.value >= 0 }
        var answered: [Int32: Int64] = [:]
        if configuration.delivery == .exactlyOnce {
            let resume = resumePoints(assigned, consumer: consumer)
            starts.merge(resume.starts) { _, resumed in resumed }
            answered = resume.answered
        }
        _ = pipeline.dropState(of: Set(assigned.map(\.partition)))
        _ = restoreState(of: assigned.map(\.partition), answered: answered)
        try consumer.seek(starts)
        logger.info("transport restarted", metadata: [LogKey.rewound: "\(starts.map { "\($0.key.partition)@\($0.value)" }.sorted())"])
    }
}
