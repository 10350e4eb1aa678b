import KafkaTransport
import Logging

/// What happens when partitions come and go, and when work must be redone: where each partition resumes
/// (its committed offset, or after the last question answered on the matching answers partition), restoring
/// and replaying its users' conversation state, and finishing or dropping a revoked partition's work. Runs on the
/// answering thread, inside consumer poll or close, or between batches.
final class PartitionRecovery: RebalanceListener {
    private let configuration: ServiceConfiguration
    private let pipeline: AnsweringPipeline
    private let delivery: any AnswerDelivery
    /// Reads the answers tail and the state changelog; nil when neither is needed.
    private let reader: TopicReader?
    private let health: ServiceHealth
    private let logger: Logger
    /// An error the rebalance callback could not throw: the loop ends with it.
    private(set) var failure: (any Error)?

    init(configuration: ServiceConfiguration, pipeline: AnsweringPipeline, delivery: any AnswerDelivery, reader: TopicReader?,
         health: ServiceHealth, logger: Logger) {
        self.configuration = configuration
        self.pipeline = pipeline
        self.delivery = delivery
        self.reader = reader
        self.health = health
        self.logger = logger
    }

    private var metrics: ServiceMetrics { pipeline.metrics }

    /// Whether resuming reads the answers tail: resume-from-output, and in the transactional mode as a guard
    /// against brokers that show aborted records to `read_committed` readers (Tansu 0.6).
    private var readsAnswersTail: Bool { configuration.delivery != .atLeastOnce }

    // MARK: Rebalance

    func partitionsAssigned(_ partitions: [TopicPartition], consumer: KafkaConsumer) -> [TopicPartition: Int64] {
        metrics.rebalances.increment()
        do {
            // Transactions fence the partitions' previous owner here, before anything of theirs is read.
            try delivery.partitionsAssigned(partitions.map(\.partition), consumer: consumer)
        } catch {
            failure = error
            logger.error("cannot take over the assigned partitions", metadata: [LogKey.error: "\(error)"])
            return [:]
        }
        let resume = readsAnswersTail ? resumePoints(partitions, consumer: consumer) : ResumePoints()
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
        let unfinished = delivery.partitionsRevoked(ps, lost: lost, consumer: consumer)
        let dropped = pipeline.dropState(of: Set(ps))
        metrics.usersInMemory.record(pipeline.engine.userCount)
        let remaining = max(consumer.assignment().count - partitions.count, 0)
        metrics.assignedPartitions.record(remaining)
        health.setAssignedPartitions(remaining)
        logger.info("partitions revoked", metadata: [LogKey.partitions: "\(ps.sorted())", LogKey.lost: "\(lost)",
                                                     LogKey.unacknowledged: "\(unfinished)", LogKey.usersDropped: "\(dropped)"])
    }

    // MARK: Resume, restore, replay

    struct ResumePoints {
        /// Where each partition resumes, overriding the committed offset.
        var starts: [TopicPartition: Int64] = [:]
        /// The last question answered on each partition.
        var answered: [Int32: Int64] = [:]
    }

    /// For each partition, the offset after the last question answered on the matching answers partition,
    /// never before the group's committed offset.
    private func resumePoints(_ partitions: [TopicPartition], consumer: KafkaConsumer) -> ResumePoints {
        guard let reader, !partitions.isEmpty else { return ResumePoints() }
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
            logger.warning("cannot read the answers topic to resume; using committed offsets", metadata: [LogKey.error: "\(error)"])
            return ResumePoints()
        }
    }

    /// Restores the users of `partitions` from the changelog, replaying questions answered after their newest
    /// state record; returns how many users were restored.
    private func restoreState(of partitions: [Int32], answered: [Int32: Int64]) -> Int {
        guard let reader, configuration.stateChangelog, !partitions.isEmpty else { return 0 }
        var restored = 0
        do {
            let (users, stateOffsets) = try pipeline.restoreState(of: partitions, reader: reader)
            restored = users
            for partition in partitions {
                // The state must not be older than the last answer: replay what was answered after it.
                let stateOffset = stateOffsets[partition] ?? -1
                if let last = answered[partition], stateOffset < last {
                    try replay(partition, from: stateOffset + 1, through: last, reader: reader)
                }
            }
        } catch {
            logger.warning("cannot restore conversation state", metadata: [LogKey.partitions: "\(partitions.sorted())", LogKey.error: "\(error)"])
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
                delivery.sendHousekeeping(record, partition: partition)
            }
        }
        logger.info("conversation state replayed", metadata: [LogKey.partition: "\(partition)", LogKey.from: "\(from)",
                                                               LogKey.through: "\(through)", LogKey.users: "\(users.count)"])
    }

    // MARK: Redoing work

    /// Moves `partitions` back to their first unfinished question after their work was thrown away (an aborted
    /// transaction, a replaced producer): their users' state is rebuilt from the changelog, since the in-memory
    /// state counts questions whose answers were dropped.
    func rewind(_ partitions: [Int32], consumer: KafkaConsumer) throws {
        guard !partitions.isEmpty else { return }
        let tps = partitions.map { TopicPartition(configuration.questionsTopic, $0) }
        var starts = try consumer.committed(tps).filter { $0.value >= 0 }
        var answered: [Int32: Int64] = [:]
        if readsAnswersTail {
            let resume = resumePoints(tps, consumer: consumer)
            starts.merge(resume.starts) { _, resumed in resumed }
            answered = resume.answered
        }
        for tp in tps where starts[tp] == nil { starts[tp] = KafkaOffset.beginning }
        _ = pipeline.dropState(of: Set(partitions))
        _ = restoreState(of: partitions, answered: answered)
        try consumer.seek(starts)
        logger.info("partitions rewound", metadata: [LogKey.rewound: "\(starts.map { "\($0.key.partition)@\($0.value)" }.sorted())"])
    }

    /// Replaces a producer that hit a fatal error (fenced, out of sequence) and rewinds every assigned partition
    /// to its first question whose answer was not acknowledged.
    func restartTransport(consumer: KafkaConsumer) throws {
        logger.error("producer hit a fatal error; restarting the transport", metadata: [LogKey.inFlight: "\(delivery.inFlight)"])
        _ = delivery.finishBatch(consumer: consumer)
        do { try consumer.commit() } catch { logger.warning("offset commit before restart failed", metadata: [LogKey.error: "\(error)"]) }
        try delivery.restart()
        try rewind(consumer.assignment().map(\.partition), consumer: consumer)
    }
}
