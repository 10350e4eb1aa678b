import KafkaTransport
import Logging

/// Sends the records of answered questions and accounts for each until the brokers acknowledge it: delivery
/// tokens, retries, dead letters for undeliverable answers, state records that wait for their answer, and the
/// question offsets that may be stored. Owns the producer and replaces it after a fatal error.
///
/// A question's offset becomes storable only when every record it produced (answer, dead letter, state record)
/// and every earlier question of its partition is acknowledged: at-least-once with no loss.
final class DeliveryLedger {
    private let configuration: KafkaConfiguration
    private let logger: Logger
    private let metrics: ServiceMetrics
    private let connectivity: ConnectivityMonitor
    private let maxMessageBytes: Int
    private let deadLetterTopic: String
    private(set) var producer: KafkaProducer
    /// Set when the producer hit a fatal error (fenced, out of sequence): it refuses everything until replaced.
    private(set) var hasFailed = false
    /// Set while an abandoned producer's purged records report back: they are neither retried nor counted.
    private var discarding = false
    private var tracker = OffsetTracker()
    /// State records waiting for their answer's acknowledgement, by question; a user has at most one (a newer
    /// state supersedes an older one not yet sent).
    private var pendingStates: [PartitionOffset: OutboundMessage] = [:]
    private var pendingStateOfUser: [String: PartitionOffset] = [:]

    /// Creates the producer.
    /// - Throws: A ``KafkaError`` for an invalid property.
    init(configuration: KafkaConfiguration, deadLetterTopic: String, maxMessageBytes: Int, metrics: ServiceMetrics,
         connectivity: ConnectivityMonitor, logger: Logger) throws {
        self.configuration = configuration
        self.deadLetterTopic = deadLetterTopic
        self.maxMessageBytes = maxMessageBytes
        self.metrics = metrics
        self.connectivity = connectivity
        self.logger = logger
        producer = try Self.makeProducer(configuration, events: events, logger: logger)
        events.ledger = self
    }

    /// Forwards the producer's callbacks to the ledger (which cannot hand itself out before it is initialised).
    private final class Events {
        weak var ledger: DeliveryLedger?
    }
    private let events = Events()

    private static func makeProducer(_ configuration: KafkaConfiguration, events: Events, logger: Logger) throws -> KafkaProducer {
        try KafkaProducer(configuration: configuration, logger: logger,
                          onError: { error in events.ledger?.producerError(error) },
                          onDelivery: { report in events.ledger?.delivered(report) })
    }

    private func producerError(_ error: KafkaError) {
        if error.isFatal { hasFailed = true }
        connectivity.report(error, client: "producer")
    }

    /// Records not yet acknowledged.
    var inFlight: Int { tracker.inFlight }

    // MARK: Sending

    /// Sends what a question produced and starts accounting for it. A refused answer is dead-lettered instead.
    /// Nothing is tracked once the producer has failed: the question is read again after the restart.
    /// - Parameter state: the question's changelog record, sent once its answer is acknowledged.
    /// - Parameter deadLetter: makes the question's dead-letter record for an error.
    func send(_ outcome: AnsweringPipeline.Outcome, for question: InboundMessage, deadLetter: (QuestionError) -> OutboundMessage,
              state: OutboundMessage?) {
        let position = PartitionOffset(question.partition, question.offset)
        var records = 0
        var answered = false
        if let answer = outcome.answer {
            do {
                try producer.send(answer, token: DeliveryToken(partition: position.partition, kind: .answer, offset: position.offset).raw)
                records += 1
                answered = true
            } catch {
                if isFatal(error) { return }
                logger.error("answer refused by the producer; dead-lettering the question", metadata: [LogKey.error: "\(error)"])
                let refused = QuestionError(code: .deliveryFailed, message: "answer refused: \(error)", questionID: "", user: nil)
                records += sendDeadLetter(deadLetter(refused), position: position)
            }
        }
        if let record = outcome.deadLetter { records += sendDeadLetter(record, position: position) }
        if hasFailed { return }
        if answered, let state {
            records += 1
            hold(state, for: position)
        }
        tracker.add(partition: position.partition, offset: position.offset, records: records)
    }

    /// Keeps `state` until its answer is acknowledged; an older state of the same user not yet sent is dropped
    /// (the newer one covers it), and its question no longer waits for it.
    private func hold(_ state: OutboundMessage, for position: PartitionOffset) {
        guard let user = state.key.map({ String(decoding: $0, as: UTF8.self) }) else { return }
        if let older = pendingStateOfUser.updateValue(position, forKey: user), pendingStates.removeValue(forKey: older) != nil {
            tracker.acknowledge(partition: older.partition, offset: older.offset)
        }
        pendingStates[position] = state
    }

    /// Sends a dead-letter record; a value too large for the producer is cut to the service's message limit
    /// (header `original.size` keeps the real size). Returns the number of records enqueued.
    private func sendDeadLetter(_ record: OutboundMessage, position: PartitionOffset) -> Int {
        var record = record
        let token = DeliveryToken(partition: position.partition, kind: .deadLetter, offset: position.offset).raw
        do {
            try producer.send(record, token: token)
        } catch {
            if isFatal(error) { return 0 }
            guard let value = record.value, value.count > maxMessageBytes else {
                logger.error("dead-letter record refused by the producer", metadata: [LogKey.error: "\(error)"])
                return 0
            }
            record.value = Array(value.prefix(maxMessageBytes))
            record.headers.append(MessageHeader(Headers.originalSize, String(value.count)))
            do { try producer.send(record, token: token) } catch {
                logger.error("dead-letter record refused by the producer", metadata: [LogKey.error: "\(error)"])
                return 0
            }
        }
        metrics.deadLetters.increment()
        return 1
    }

    /// Sends a record no question waits for (tombstones, states rewritten after a replay).
    func sendHousekeeping(_ record: OutboundMessage, partition: Int32) {
        do {
            try producer.send(record, token: DeliveryToken(partition: partition, kind: .housekeeping, offset: 0).raw)
        } catch {
            if !isFatal(error) { logger.error("changelog record refused by the producer", metadata: [LogKey.error: "\(error)"]) }
        }
    }

    /// True (and a restart is due) when the producer refused a record because of a fatal error.
    private func isFatal(_ error: any Error) -> Bool {
        if (error as? KafkaError)?.isFatal == true { hasFailed = true }
        return hasFailed
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
            message.topic = deadLetterTopic
            message.partition = nil
            do {
                try producer.send(message, token: DeliveryToken(partition: token.partition, kind: .deadLetter, offset: token.offset).raw)
                metrics.deadLetters.increment()
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
        guard let record = pendingStates.removeValue(forKey: position) else { return }
        if let key = record.key {
            let user = String(decoding: key, as: UTF8.self)
            if pendingStateOfUser[user] == position { pendingStateOfUser[user] = nil }
        }
        if answerDelivered {
            do {
                try producer.send(record, token: DeliveryToken(partition: position.partition, kind: .state, offset: position.offset).raw)
                return
            } catch {
                if isFatal(error) { return }
                logger.error("state record refused by the producer", metadata: [LogKey.error: "\(error)"])
            }
        }
        tracker.acknowledge(partition: position.partition, offset: position.offset)
    }

    // MARK: Offsets, partitions, lifecycle

    /// Serves delivery reports and errors for up to `timeoutMs`.
    func poll(timeoutMs: Int32 = 0) { producer.poll(timeoutMs: timeoutMs) }

    /// Waits until every record is reported, at most `timeoutMs`; true when nothing is left.
    @discardableResult
    func flush(timeoutMs: Int32) -> Bool { producer.flush(timeoutMs: timeoutMs) }

    /// Stores in `consumer` the offsets of `topic` whose questions are finished (for its next commit).
    func storeOffsets(into consumer: KafkaConsumer, topic: String, logger: Logger) {
        let ready = tracker.takeStorable()
        guard !ready.isEmpty else { return }
        var offsets: [TopicPartition: Int64] = [:]
        for (partition, offset) in ready { offsets[TopicPartition(topic, partition)] = offset }
        do { try consumer.store(offsets) } catch { logger.warning("offset store failed", metadata: [LogKey.error: "\(error)"]) }
    }

    /// Forgets revoked partitions; returns how many of their records were still unacknowledged.
    func forget(partitions: [Int32]) -> Int {
        let set = Set(partitions)
        for (position, record) in pendingStates where set.contains(position.partition) {
            pendingStates[position] = nil
            if let key = record.key { pendingStateOfUser[String(decoding: key, as: UTF8.self)] = nil }
        }
        return tracker.remove(partitions: partitions)
    }

    /// Replaces a failed producer: drops everything not yet acknowledged (its questions are read again).
    func replaceProducer() throws {
        discarding = true
        producer.abandon()
        discarding = false
        tracker = OffsetTracker()
        pendingStates.removeAll()
        pendingStateOfUser.removeAll()
        producer = try Self.makeProducer(configuration, events: events, logger: logger)
        hasFailed = false
    }

    /// Makes the producer fail as a fenced or out-of-sequence idempotent producer would. For tests.
    func simulateFatalError() { producer.simulateFatalError() }

    /// Flushes (at most `timeoutMs`) and destroys the producer; returns the records left unacknowledged.
    func close(timeoutMs: Int32) -> Int { producer.close(timeoutMs: timeoutMs) }
}

extension KafkaError {
    /// Delivery errors that retrying cannot fix.
    var isPermanentDeliveryError: Bool { Self.permanentDeliveryErrors.contains(name) }

    private static let permanentDeliveryErrors: Set<String> = [
        "MSG_SIZE_TOO_LARGE", "TOPIC_AUTHORIZATION_FAILED", "INVALID_RECORD", "RECORD_LIST_TOO_LARGE",
        "_INVALID_ARG", "UNKNOWN_TOPIC_OR_PART", "_UNKNOWN_TOPIC", "INVALID_TOPIC_EXCEPTION", "_MSG_SIZE_TOO_LARGE",
    ]
}
