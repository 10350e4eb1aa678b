import KafkaTransport
import Logging

/// Delivery for the exactly-once (resume-from-output) and at-least-once modes: one idempotent producer, and
/// each question accounted for until the brokers acknowledge every record it produced. Retries records that
/// time out, dead-letters undeliverable answers, writes each user's newest state record once per commit interval
/// (after its answer is acknowledged), and stores a question's offset only when it and every earlier question of
/// its partition are finished.
final class AcknowledgedDelivery: AnswerDelivery {
    private let configuration: KafkaConfiguration
    private let records: QuestionRecords
    private let pipeline: AnsweringPipeline
    private let connectivity: ConnectivityMonitor
    private let questionsTopic: String
    /// The topics the producer writes (answers, dead letters, state), known before the first record.
    private let topics: [String]
    private let logger: Logger
    private var producer: KafkaProducer
    /// Set when the producer hit a fatal error (fenced, out of sequence): it refuses everything until replaced.
    private var hasFailed = false
    /// Set while an abandoned producer's purged records report back: they are neither retried nor counted.
    private var discarding = false
    private var tracker = OffsetTracker()
    /// State records not written yet, by question: a user has at most one (a newer state supersedes an older
    /// one not yet sent). Written at the next commit interval once the question's answer is acknowledged.
    private var pendingStates: [PartitionOffset: PendingState] = [:]
    private var pendingStateOfUser: [String: PartitionOffset] = [:]
    private let commitIntervalMs: Int64
    private var lastStateWriteMs: Int64 = 0

    private struct PendingState {
        var user: String
        var answerAcknowledged = false
    }

    /// Creates the producer.
    /// - Throws: A ``KafkaError`` for an invalid property.
    init(configuration: KafkaConfiguration, questionsTopic: String, topics: [String], commitIntervalMs: Int, records: QuestionRecords,
         pipeline: AnsweringPipeline, connectivity: ConnectivityMonitor, logger: Logger) throws {
        self.configuration = configuration
        self.commitIntervalMs = Int64(commitIntervalMs)
        self.topics = topics
        self.questionsTopic = questionsTopic
        self.records = records
        self.pipeline = pipeline
        self.connectivity = connectivity
        self.logger = logger
        producer = try Self.makeProducer(configuration, topics: topics, events: events, logger: logger)
        events.delivery = self
    }

    /// Forwards the producer's callbacks (the delivery cannot hand itself out before it is initialised).
    private final class Events {
        weak var delivery: AcknowledgedDelivery?
    }
    private let events = Events()

    private static func makeProducer(_ configuration: KafkaConfiguration, topics: [String], events: Events, logger: Logger) throws -> KafkaProducer {
        let producer = try KafkaProducer(configuration: configuration, logger: logger,
                                         onError: { error in events.delivery?.producerError(error) },
                                         onDelivery: { report in events.delivery?.delivered(report) })
        try producer.prepare(topics: topics)
        return producer
    }

    private func producerError(_ error: KafkaError) {
        if error.isFatal { hasFailed = true }
        connectivity.report(error, client: "producer")
    }

    var inFlight: Int { tracker.inFlight }
    var queueDepth: Int { producer.outstanding }
    var needsRestart: Bool { hasFailed }

    // MARK: Sending

    func send(_ outcome: AnsweringPipeline.Outcome, for question: InboundMessage) {
        // After a fatal error nothing is tracked: the question is read again after the restart.
        if hasFailed { return }
        let position = PartitionOffset(question.partition, question.offset)
        let sent: (records: Int, answered: Bool)
        do {
            sent = try records.send(outcome, through: producer, token: { DeliveryToken(partition: position.partition, kind: $0, offset: position.offset).raw },
                                    deadLetter: { pipeline.deadLetter(question, code: $0, message: $1) })
        } catch {
            hasFailed = true
            return
        }
        var count = sent.records
        if sent.answered, let user = outcome.stateChanged {
            count += 1
            hold(user, for: position)
        }
        tracker.add(partition: position.partition, offset: position.offset, records: count)
    }

    /// Keeps `user`'s state record due after the question at `position` until it is written; an older one of
    /// the same user not yet written is dropped (the newer one covers it), and its question no longer waits for it.
    private func hold(_ user: String, for position: PartitionOffset) {
        if let older = pendingStateOfUser.updateValue(position, forKey: user), pendingStates.removeValue(forKey: older) != nil {
            tracker.acknowledge(partition: older.partition, offset: older.offset)
        }
        pendingStates[position] = PendingState(user: user)
    }

    func sendHousekeeping(_ record: OutboundMessage, partition: Int32) {
        do {
            try producer.send(record, token: DeliveryToken(partition: partition, kind: .housekeeping, offset: 0).raw)
        } catch let error as KafkaError where !error.isFatal {
            logger.error("changelog record refused by the producer", metadata: [LogKey.error: "\(error)"])
        } catch {
            hasFailed = true
        }
    }

    // MARK: Delivery reports (inside producer poll or flush)

    private func delivered(_ report: DeliveryReport) {
        if discarding { return }
        let token = DeliveryToken(raw: report.token)
        if token.kind == .housekeeping {
            if let error = report.error { logger.warning("changelog record not delivered", metadata: [LogKey.error: "\(error)"]) }
            return
        }
        guard let error = report.error else {
            connectivity.succeeded()
            tracker.acknowledge(partition: token.partition, offset: token.offset)
            if token.kind == .answer { pendingStates[PartitionOffset(token.partition, token.offset)]?.answerAcknowledged = true }
            return
        }
        guard var message = report.failedMessage else { return }
        if token.attempt < 15 && !error.isPermanentDeliveryError && !hasFailed {
            // librdkafka gave up (e.g. message timeout during a long outage): try again, the question is not lost.
            logger.warning("record delivery failed, retrying", metadata: [
                LogKey.recordKind: "\(token.kind)", LogKey.error: "\(error)", LogKey.attempt: "\(token.attempt + 1)"])
            var retry = token
            retry.attempt += 1
            do { try producer.send(message, token: retry.raw); return } catch {
                logger.error("cannot re-enqueue a failed record", metadata: [LogKey.error: "\(error)"])
            }
        }
        if hasFailed { return }   // the restart rewinds and answers again
        if token.kind == .answer {
            dropState(of: PartitionOffset(token.partition, token.offset))
            logger.error("answer cannot be delivered; dead-lettering it", metadata: [LogKey.error: "\(error)", LogKey.topic: "\(report.topic)"])
            message.headers += [MessageHeader(Headers.errorCode, QuestionErrorCode.deliveryFailed.rawValue),
                                MessageHeader(Headers.errorMessage, "answer to \(report.topic) failed: \(error)")]
            message.topic = records.deadLetterTopic
            message.partition = nil
            do {
                try producer.send(message, token: DeliveryToken(partition: token.partition, kind: .deadLetter, offset: token.offset).raw)
                records.metrics.deadLetters.increment()
                return
            } catch {
                logger.error("cannot dead-letter an undeliverable answer", metadata: [LogKey.error: "\(error)"])
            }
        } else {
            logger.error("record cannot be delivered", metadata: [LogKey.recordKind: "\(token.kind)", LogKey.error: "\(error)"])
        }
        tracker.acknowledge(partition: token.partition, offset: token.offset)
    }

    /// Drops the state record due after a question whose answer was not delivered.
    private func dropState(of position: PartitionOffset) {
        guard let pending = pendingStates.removeValue(forKey: position) else { return }
        if pendingStateOfUser[pending.user] == position { pendingStateOfUser[pending.user] = nil }
        tracker.acknowledge(partition: position.partition, offset: position.offset)
    }

    /// Writes the pending state records whose answers are acknowledged (of `partitions`, or all): the user's
    /// state as it is now, which is the state after that question (a later question would have superseded it).
    private func writeStates(of partitions: Set<Int32>? = nil) {
        lastStateWriteMs = Int64(monotonicNs() / 1_000_000)
        for (position, pending) in pendingStates where pending.answerAcknowledged && partitions?.contains(position.partition) != false {
            if hasFailed { return }
            pendingStates[position] = nil
            pendingStateOfUser[pending.user] = nil
            guard let record = pipeline.stateRecord(of: pending.user, position: position) else {
                tracker.acknowledge(partition: position.partition, offset: position.offset)
                continue
            }
            do {
                try producer.send(record, token: DeliveryToken(partition: position.partition, kind: .state, offset: position.offset).raw)
            } catch let error as KafkaError where !error.isFatal {
                logger.error("state record refused by the producer", metadata: [LogKey.error: "\(error)"])
                tracker.acknowledge(partition: position.partition, offset: position.offset)
            } catch {
                hasFailed = true
            }
        }
    }

    // MARK: Offsets, partitions, lifecycle

    func poll() { producer.poll(timeoutMs: 0) }

    func finishBatch(consumer: KafkaConsumer) -> [Int32] {
        if !pendingStates.isEmpty && Int64(monotonicNs() / 1_000_000) - lastStateWriteMs >= commitIntervalMs { writeStates() }
        storeOffsets(into: consumer)
        return []
    }

    /// Stores in `consumer` the offsets whose questions are finished (for its next commit).
    private func storeOffsets(into consumer: KafkaConsumer) {
        let ready = tracker.takeStorable()
        guard !ready.isEmpty else { return }
        var offsets: [TopicPartition: Int64] = [:]
        for (partition, offset) in ready { offsets[TopicPartition(questionsTopic, partition)] = offset }
        do { try consumer.store(offsets) } catch { logger.warning("offset store failed", metadata: [LogKey.error: "\(error)"]) }
    }

    func partitionsAssigned(_ partitions: [Int32], consumer: KafkaConsumer) throws {}

    func partitionsRevoked(_ partitions: [Int32], lost: Bool, consumer: KafkaConsumer) -> Int {
        if !lost {
            // Finish the revoked partitions' answers and state so their offsets can be committed before they move.
            producer.flush(timeoutMs: 8_000)
            writeStates(of: Set(partitions))
            producer.flush(timeoutMs: 8_000)
            storeOffsets(into: consumer)
        }
        let set = Set(partitions)
        for (position, state) in pendingStates where set.contains(position.partition) {
            pendingStates[position] = nil
            pendingStateOfUser[state.user] = nil
        }
        return tracker.remove(partitions: partitions)
    }

    func restart() throws {
        discarding = true
        producer.abandon()
        discarding = false
        tracker = OffsetTracker()
        pendingStates.removeAll()
        pendingStateOfUser.removeAll()
        producer = try Self.makeProducer(configuration, topics: topics, events: events, logger: logger)
        hasFailed = false
    }

    func finishAll(consumer: KafkaConsumer, timeoutMs: Int32) -> Bool {
        producer.flush(timeoutMs: timeoutMs)
        writeStates()
        let drained = producer.flush(timeoutMs: timeoutMs)
        storeOffsets(into: consumer)
        do { try consumer.commit() } catch { logger.warning("final offset commit failed", metadata: [LogKey.error: "\(error)"]) }
        return drained
    }

    func close() -> Int { producer.close(timeoutMs: 1_000) }

    func simulateFatalError() { producer.simulateFatalError() }
}
