import KafkaTransport
import Logging

/// Delivery for the exactly-once (resume-from-output) and at-least-once modes: one idempotent producer, and
/// each question accounted for until the brokers acknowledge every record it produced. Retries records that
/// time out, dead-letters undeliverable answers, sends a state record once its answer is acknowledged, and
/// stores a question's offset only when it and every earlier question of its partition are finished.
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
    /// State records waiting for their answer's acknowledgement, by question; a user has at most one (a newer
    /// state supersedes an older one not yet sent).
    private var pendingStates: [PartitionOffset: (user: String, record: OutboundMessage)] = [:]
    private var pendingStateOfUser: [String: PartitionOffset] = [:]

    /// Creates the producer.
    /// - Throws: A ``KafkaError`` for an invalid property.
    init(configuration: KafkaConfiguration, questionsTopic: String, topics: [String], records: QuestionRecords, pipeline: AnsweringPipeline,
         connectivity: ConnectivityMonitor, logger: Logger) throws {
        self.configuration = configuration
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
        if sent.answered, let user = outcome.stateChanged, let state = pipeline.stateRecord(of: user, position: position) {
            count += 1
            hold((user, state), for: position)
        }
        tracker.add(partition: position.partition, offset: position.offset, records: count)
    }

    /// Keeps `state` until its answer is acknowledged; an older state of the same user not yet sent is dropped
    /// (the newer one covers it), and its question no longer waits for it.
    private func hold(_ state: (user: String, record: OutboundMessage), for position: PartitionOffset) {
        if let older = pendingStateOfUser.updateValue(position, forKey: state.user), pendingStates.removeValue(forKey: older) != nil {
            tracker.acknowledge(partition: older.partition, offset: older.offset)
        }
        pendingStates[position] = state
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
            if token.kind == .answer { releaseState(of: PartitionOffset(token.partition, token.offset), answerDelivered: true) }
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
            releaseState(of: PartitionOffset(token.partition, token.offset), answerDelivered: false)
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

    /// Sends (or, when the answer was not delivered, drops) the state record waiting for an answer.
    private func releaseState(of position: PartitionOffset, answerDelivered: Bool) {
        guard let (user, record) = pendingStates.removeValue(forKey: position) else { return }
        if pendingStateOfUser[user] == position { pendingStateOfUser[user] = nil }
        if answerDelivered {
            do {
                try producer.send(record, token: DeliveryToken(partition: position.partition, kind: .state, offset: position.offset).raw)
                return
            } catch let error as KafkaError where !error.isFatal {
                logger.error("state record refused by the producer", metadata: [LogKey.error: "\(error)"])
            } catch {
                hasFailed = true
                return
            }
        }
        tracker.acknowledge(partition: position.partition, offset: position.offset)
    }

    // MARK: Offsets, partitions, lifecycle

    func poll() { producer.poll(timeoutMs: 0) }

    func finishBatch(consumer: KafkaConsumer) -> [Int32] {
        storeOffsets(into: consumer)
        return []
    }

    /// Stores in `consumer` the offsets whose questions are finished (for its next commit).
    private func storeOffsets(into consumer: KafkaConsumer) {
        let ready = tracker.takeStorable()
        logger.info("DBG store", metadata: ["o": "\(ready.sorted { $0.key < $1.key }.map { "\($0.key)@\($0.value)" })", "inflight": "\(tracker.inFlight)", "pending": "\(pendingStates.count)"])
        guard !ready.isEmpty else { return }
        var offsets: [TopicPartition: Int64] = [:]
        for (partition, offset) in ready { offsets[TopicPartition(questionsTopic, partition)] = offset }
        do { try consumer.store(offsets) } catch { logger.warning("offset store failed", metadata: [LogKey.error: "\(error)"]) }
    }

    func partitionsAssigned(_ partitions: [Int32], consumer: KafkaConsumer) throws {}

    func partitionsRevoked(_ partitions: [Int32], lost: Bool, consumer: KafkaConsumer) -> Int {
        if !lost {
            // Finish the revoked partitions' answers so their offsets can be committed before they move.
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
        let drained = producer.flush(timeoutMs: timeoutMs)
        storeOffsets(into: consumer)
        do { try consumer.commit() } catch { logger.warning("final offset commit failed", metadata: [LogKey.error: "\(error)"]) }
        return drained
    }

    func close() -> Int { producer.close(timeoutMs: 1_000) }

    func simulateFatalError() { producer.simulateFatalError() }
}
