import BotCore
import Foundation
import KafkaTransport
import Logging
import Synchronization

/// The answering loop: reads a batch of questions, answers each with the conversation core, produces the
/// answers, and stores a question's offset once its answer is acknowledged. Runs on one dedicated thread that
/// owns the consumer, the producer and the conversation state, so nothing on the hot path takes a lock,
/// hops to an actor or spawns a task.
public final class AnswerWorker: @unchecked Sendable {
    private let configuration: ServiceConfiguration
    private let logger: Logger
    private let engine: ConversationEngine
    private let decoder: QuestionDecoder
    private var metrics = ServiceMetrics()
    /// What the health endpoints report.
    public let health: ServiceHealth
    private let stopRequested = Atomic<Bool>(false)
    private let fatalProducerError = Atomic<Bool>(false)
    private let finished = Mutex<(done: Bool, error: (any Error)?, waiters: [CheckedContinuation<Void, any Error>])>((false, nil, []))

    // Owned by the answering thread once started.
    private var consumer: KafkaConsumer!
    private var producer: KafkaProducer!
    /// Reads the answers tail (exactly-once) and the state changelog on assignment.
    private var topicReader: TopicReader?
    private var changelog: StateChangelog?
    /// State records waiting for their answer's acknowledgement, by question (partition, offset): a state
    /// record is written only once its answer is on the brokers, so a restored state never claims a question
    /// was answered when it was not.
    private var pendingStates: [PartitionOffset: OutboundMessage] = [:]
    private var lastExpirySweepMs: Int64 = 0
    private var tracker = OffsetTracker()
    private var rateLimiter: RateLimiter
    private var replyTargets: ReplyTargets!
    private var connectivity: ConnectivityMonitor
    private var answersCoPartitioned = false
    private var questionPartitions = 0
    private var discardingReports = false

    /// Creates a worker; nothing connects until ``start()``.
    public init(configuration: ServiceConfiguration, pack: KnowledgePack, logger: Logger, health: ServiceHealth = ServiceHealth()) {
        self.configuration = configuration
        self.health = health
        self.logger = logger
        self.engine = ConversationEngine(pack: pack)
        self.decoder = QuestionDecoder(limits: configuration.limits)
        self.rateLimiter = RateLimiter(rate: configuration.rateLimit, burst: configuration.rateBurst, maxUsers: configuration.rateLimitMaxUsers)
        self.connectivity = ConnectivityMonitor(logger: logger, health: health)
    }

    /// Connects, checks the topics, joins the group and starts the answering thread.
    /// - Throws: A ``KafkaError`` for invalid settings or missing topics.
    public func start() throws {
        producer = try makeProducer()
        consumer = try KafkaConsumer(
            configuration: KafkaConfiguration(configuration.consumerProperties), logger: logger,
            listener: Rebalancer(worker: self),
            onError: { [unowned self] error in connectivity.report(error, client: "consumer", nowMs: currentTimeMs()) },
            onStatistics: { [unowned self] json in
                guard let statistics = ClientStatistics(json: json, topic: configuration.questionsTopic) else { return }
                metrics.record(lag: statistics.lag)
                if statistics.anyBrokerUp { connectivity.succeeded(nowMs: currentTimeMs()) }
            })
        questionPartitions = try producer.partitionCount(of: configuration.questionsTopic)
        let answerPartitions = try producer.partitionCount(of: configuration.answersTopic)
        answersCoPartitioned = answerPartitions == questionPartitions
        if !answersCoPartitioned && configuration.delivery == .exactlyOnce {
            throw KafkaError("exactly-once delivery needs co-partitioned topics: \(configuration.questionsTopic) has \(questionPartitions) partitions, "
                + "\(configuration.answersTopic) has \(answerPartitions); create them with the same count or use --at-least-once")
        }
        if !answersCoPartitioned {
            logger.warning("answers topic is not co-partitioned with the questions topic; answers are partitioned by user",
                           metadata: ["questions.partitions": "\(questionPartitions)", "answers.partitions": "\(answerPartitions)"])
        }
        if configuration.stateChangelog {
            let statePartitions = try producer.partitionCount(of: configuration.stateTopic)
            guard statePartitions == questionPartitions else {
                throw KafkaError("the state changelog \(configuration.stateTopic) has \(statePartitions) partitions and \(configuration.questionsTopic) "
                    + "\(questionPartitions); create it with the same count (compacted), or run with --state-changelog off")
            }
            changelog = StateChangelog(topic: configuration.stateTopic)
        }
        if configuration.delivery == .exactlyOnce || configuration.stateChangelog {
            topicReader = try TopicReader(configuration: KafkaConfiguration(configuration.consumerProperties), logger: logger)
        }
        do {
            replyTargets = try ReplyTargets(
                pattern: configuration.replyToPattern,
                forbidden: [configuration.questionsTopic, configuration.deadLetterTopic],
                listTopics: { [unowned self] in try producer.topicNames() })
        } catch {
            throw KafkaError("invalid reply-to pattern \(configuration.replyToPattern): \(error)")
        }
        try consumer.subscribe([configuration.questionsTopic])
        logger.info("joined group", metadata: ["group": "\(configuration.groupID)", "topic": "\(configuration.questionsTopic)",
                                               "partitions": "\(questionPartitions)", "delivery": "\(configuration.delivery.rawValue)"])
        let thread = Thread { [self] in self.runLoop() }
        thread.name = "kolbot-answers"
        thread.start()
    }

    private func makeProducer() throws -> KafkaProducer {
        try KafkaProducer(
            configuration: KafkaConfiguration(configuration.producerProperties), logger: logger,
            onError: { [unowned self] error in
                if error.isFatal { fatalProducerError.store(true, ordering: .releasing) }
                connectivity.report(error, client: "producer", nowMs: currentTimeMs())
            },
            onDelivery: { [unowned self] report in self.delivered(report) })
    }

    /// Asks the loop to stop: it stops consuming, waits for outstanding answers, commits and leaves the group.
    public func stop() {
        stopRequested.store(true, ordering: .releasing)
    }

    /// Blocks the calling thread until the loop has stopped and the clients are closed.
    /// - Throws: the error that ended the loop, if any.
    public func join() throws {
        while true {
            let state = finished.withLock { ($0.done, $0.error) }
            if state.0 {
                if let e = state.1 { throw e }
                return
            }
            usleep(10_000)
        }
    }

    /// Waits until the loop has stopped and the clients are closed.
    /// - Throws: the error that ended the loop, if any.
    public func waitUntilFinished() async throws {
        try await withCheckedThrowingContinuation { (c: CheckedContinuation<Void, any Error>) in
            let state = finished.withLock { s -> (Bool, (any Error)?) in
                if !s.done { s.waiters.append(c) }
                return (s.done, s.error)
            }
            if state.0 {
                if let e = state.1 { c.resume(throwing: e) } else { c.resume() }
            }
        }
    }

    /// Makes the producer fail as a fenced or out-of-sequence idempotent producer would; the worker must
    /// restart its transport and lose nothing. For tests.
    public func simulateFatalProducerError() {
        producer.simulateFatalError()
    }

    // MARK: The loop (answering thread only)

    private func runLoop() {
        var failure: (any Error)?
        var batch: [InboundMessage] = []
        batch.reserveCapacity(configuration.batchSize)
        do {
            while !stopRequested.load(ordering: .acquiring) {
                batch.removeAll(keepingCapacity: true)
                try consumer.poll(maxMessages: configuration.batchSize, timeoutMs: tracker.inFlight > 0 ? 5 : 100, into: &batch)
                if !batch.isEmpty { connectivity.succeeded(nowMs: currentTimeMs()) }
                for message in batch {
                    // After a fatal producer error the rest of the batch is read again once the transport restarts.
                    if fatalProducerError.load(ordering: .acquiring) { break }
                    handle(message)
                }
                producer.poll(timeoutMs: 0)
                storeOffsets()
                metrics.producerQueueDepth.record(producer.outstanding)
                expireStates()
                if fatalProducerError.load(ordering: .acquiring) { try restartProducer() }
            }
        } catch {
            failure = error
            health.setLoopFailed()
            logger.error("answering loop failed", metadata: ["error": "\(error)"])
        }
        shutDown()
        let waiters = finished.withLock { s -> [CheckedContinuation<Void, any Error>] in
            s.done = true
            s.error = failure
            defer { s.waiters = [] }
            return s.waiters
        }
        for w in waiters {
            if let failure { w.resume(throwing: failure) } else { w.resume() }
        }
    }

    private func shutDown() {
        logger.info("stopping: waiting for outstanding answers", metadata: ["in_flight": "\(tracker.inFlight)"])
        let drained = producer.flush(timeoutMs: configuration.shutdownTimeoutMs)
        storeOffsets()
        do { try consumer.commit() } catch { logger.warning("final offset commit failed", metadata: ["error": "\(error)"]) }
        consumer.close()   // leaves the group; the final revocation runs on this thread
        topicReader = nil
        let left = producer.close(timeoutMs: 1_000)
        logger.info("stopped", metadata: ["drained": "\(drained)", "unacknowledged": "\(left)"])
    }

    /// A fatal producer error (fenced, out of sequence) leaves the producer unusable: replace it, and rewind
    /// every assigned partition to its first question whose answer was not acknowledged.
    private func restartProducer() throws {
        logger.error("producer hit a fatal error; restarting the transport", metadata: ["in_flight": "\(tracker.inFlight)"])
        storeOffsets()
        do { try consumer.commit() } catch { logger.warning("offset commit before restart failed", metadata: ["error": "\(error)"]) }
        discardingReports = true
        producer.abandon()
        discardingReports = false
        let assigned = consumer.assignment()
        _ = tracker.remove(partitions: assigned.map(\.partition))
        pendingStates.removeAll()
        producer = try makeProducer()
        fatalProducerError.store(false, ordering: .releasing)
        var starts = try consumer.committed(assigned).filter { $0.value >= 0 }
        if configuration.delivery == .exactlyOnce, let topicReader {
            starts.merge(resumePoints(assigned, reader: topicReader).starts) { _, resume in resume }
        }
        // In-memory state may count questions whose answers were just purged: rebuild it from the changelog.
        if let topicReader, changelog != nil {
            _ = changelog!.drop(partitions: Set(assigned.map(\.partition)), from: engine)
            for tp in assigned { _ = try changelog!.restore(partition: tp.partition, reader: topicReader, into: engine) }
        }
        try consumer.seek(starts)
        logger.info("transport restarted", metadata: ["rewound": "\(starts.map { "\($0.key.partition)@\($0.value)" }.sorted())"])
    }

    private func handle(_ message: InboundMessage) {
        metrics.questions.increment()
        var records = 0
        // A producer that hit a fatal error refuses everything: the question is left unfinished (not
        // tracked, so its offset is not stored) and read again after the transport restarts.
        defer { if !fatalProducerError.load(ordering: .acquiring) { tracker.add(partition: message.partition, offset: message.offset, records: records) } }
        switch decoder.decode(value: message.value, key: message.key, defaultID: "\(message.topic)-\(message.partition)-\(message.offset)") {
        case .success(let question):
            let now = currentTimeMs()
            if engine.hasSeen(questionId: question.id, user: question.user) {
                // Redelivered (e.g. after a crash in at-least-once mode): its answer was acknowledged already.
                metrics.redelivered.increment()
                break
            }
            if !rateLimiter.allow(question.user, nowMs: message.timestampMs ?? now) {
                metrics.rateLimited.increment()
                let limited = QuestionError(code: .rateLimited, message: "more than \(configuration.rateLimit) questions per second",
                                            questionID: question.id, user: question.user, language: question.language, meta: question.meta)
                records += sendAnswer(Answer(rejecting: limited, user: question.user, timestampMs: now), to: configuration.answersTopic, for: message).records
                break
            }
            var destination = configuration.answersTopic
            if let replyTo = question.replyTo {
                if let why = replyTargets.refusal(for: replyTo, nowMs: now) {
                    records += sendDeadLetter(message, error: QuestionError(code: .replyToNotAllowed, message: why, questionID: question.id,
                                                                            user: question.user, language: question.language, meta: question.meta))
                } else {
                    destination = replyTo
                }
            }
            let reply = engine.reply(to: question.text, user: question.user, language: question.language, questionId: question.id)
            metrics.answered(reply)
            if let created = message.timestampMs, now >= created { metrics.latency.recordMilliseconds(now - created) }
            let sent = sendAnswer(Answer(replying: question, with: reply, timestampMs: now), to: destination, for: message)
            records += sent.records
            if sent.answered, changelog != nil, let state = engine.state(of: question.user),
               let record = changelog?.record(for: question.user, state: state, partition: message.partition, offset: message.offset) {
                pendingStates[PartitionOffset(message.partition, message.offset)] = record
                records += 1
            }
        case .failure(let error):
            metrics.rejected(error.code)
            if let user = error.user {
                records += sendAnswer(Answer(rejecting: error, user: user, timestampMs: currentTimeMs()), to: configuration.answersTopic, for: message).records
            }
            records += sendDeadLetter(message, error: error)
            logger.debug("question rejected", metadata: ["error.code": "\(error.code.rawValue)", "kafka.partition": "\(message.partition)",
                                                         "kafka.offset": "\(message.offset)"])
        }
    }

    /// True (and the restart is scheduled) when the producer refused a record because of a fatal error.
    private func isFatal(_ error: any Error) -> Bool {
        if (error as? KafkaError)?.isFatal == true { fatalProducerError.store(true, ordering: .releasing) }
        return fatalProducerError.load(ordering: .acquiring)
    }

    /// Enqueues an answer (a refused one is dead-lettered instead).
    /// - Returns: the number of records enqueued, and whether the answer itself was.
    private func sendAnswer(_ answer: Answer, to topic: String, for question: InboundMessage) -> (records: Int, answered: Bool) {
        var headers: [MessageHeader] = [
            MessageHeader(Headers.sourcePartition, String(question.partition)),
            MessageHeader(Headers.sourceOffset, String(question.offset)),
        ]
        for name in Headers.propagated { if let h = question.header(name) { headers.append(h) } }
        let partition: Int32? = topic == configuration.answersTopic && answersCoPartitioned ? question.partition : nil
        let record = OutboundMessage(topic: topic, partition: partition, key: Array(answer.user.utf8), value: answer.encoded(), headers: headers)
        do {
            try producer.send(record, token: DeliveryToken(partition: question.partition, kind: .answer, offset: question.offset).raw)
            return (1, true)
        } catch {
            if isFatal(error) { return (0, false) }
            logger.error("answer refused by the producer; dead-lettering the question", metadata: ["error": "\(error)"])
            let records = sendDeadLetter(question, error: QuestionError(code: .deliveryFailed, message: "answer refused: \(error)",
                                                                        questionID: answer.inReplyTo, user: answer.user))
            return (records, false)
        }
    }

    /// Enqueues the question's dead-letter record; returns the number of records enqueued. A value too large
    /// for the producer is cut to the service's message limit (header `original.size` keeps the real size).
    private func sendDeadLetter(_ question: InboundMessage, error: QuestionError) -> Int {
        var headers = question.headers
        headers += [
            MessageHeader(Headers.errorCode, error.code.rawValue),
            MessageHeader(Headers.errorMessage, error.message),
            MessageHeader(Headers.originalTopic, question.topic),
            MessageHeader(Headers.originalPartition, String(question.partition)),
            MessageHeader(Headers.originalOffset, String(question.offset)),
        ]
        var record = OutboundMessage(topic: configuration.deadLetterTopic, key: question.key, value: question.value, headers: headers)
        let token = DeliveryToken(partition: question.partition, kind: .deadLetter, offset: question.offset).raw
        do {
            try producer.send(record, token: token)
        } catch {
            if isFatal(error) { return 0 }
            guard let value = question.value, value.count > configuration.limits.maxMessageBytes else {
                logger.error("dead-letter record refused by the producer", metadata: ["error": "\(error)"])
                return 0
            }
            record.value = Array(value.prefix(configuration.limits.maxMessageBytes))
            record.headers.append(MessageHeader(Headers.originalSize, String(value.count)))
            do { try producer.send(record, token: token) } catch {
                logger.error("dead-letter record refused by the producer", metadata: ["error": "\(error)"])
                return 0
            }
        }
        metrics.deadLetters.increment()
        return 1
    }

    /// Enqueues a changelog record; returns the number of records enqueued.
    private func sendChangelog(_ record: OutboundMessage, token: DeliveryToken) -> Int {
        do {
            try producer.send(record, token: token.raw)
            return 1
        } catch {
            if isFatal(error) { return 0 }
            logger.error("state record refused by the producer", metadata: ["error": "\(error)"])
            return 0
        }
    }

    /// Writes tombstones for users the engine has let go (idle expiry, user cap), once a minute.
    private func expireStates() {
        guard changelog != nil else { return }
        let now = currentTimeMs()
        guard now - lastExpirySweepMs >= 60_000 else { return }
        lastExpirySweepMs = now
        let tombstones = changelog!.tombstones(keeping: engine)
        for record in tombstones {
            _ = sendChangelog(record, token: DeliveryToken(partition: record.partition ?? 0, kind: .housekeeping, offset: 0))
        }
        metrics.usersInMemory.record(engine.userCount)
        if !tombstones.isEmpty { logger.debug("expired users tombstoned", metadata: ["count": "\(tombstones.count)"]) }
    }

    /// A delivery report (answering thread, inside producer poll/flush).
    private func delivered(_ report: DeliveryReport) {
        if discardingReports { return }
        let token = DeliveryToken(raw: report.token)
        if token.kind == .housekeeping {
            if let error = report.error { logger.warning("changelog record not delivered", metadata: ["error": "\(error)"]) }
            return
        }
        guard let error = report.error else {
            connectivity.succeeded(nowMs: currentTimeMs())
            tracker.acknowledge(partition: token.partition, offset: token.offset)
            if token.kind == .answer { writePendingState(token, delivered: true) }
            return
        }
        guard var message = report.failedMessage else { return }
        if token.attempt < 15 && !Self.permanentErrors.contains(error.name) && !fatalProducerError.load(ordering: .acquiring) {
            // librdkafka gave up (e.g. message timeout during a long outage): try again, the question is not lost.
            logger.warning("record delivery failed, retrying", metadata: ["kind": "\(token.kind)", "error": "\(error)", "attempt": "\(token.attempt + 1)"])
            var retry = token
            retry.attempt += 1
            do { try producer.send(message, token: retry.raw); return } catch {
                logger.error("cannot re-enqueue a failed record", metadata: ["error": "\(error)"])
            }
        }
        if fatalProducerError.load(ordering: .acquiring) { return }   // the restart rewinds and answers again
        if token.kind == .answer {
            writePendingState(token, delivered: false)
            logger.error("answer cannot be delivered; dead-lettering it", metadata: ["error": "\(error)", "topic": "\(report.topic)"])
            message.headers += [MessageHeader(Headers.errorCode, QuestionErrorCode.deliveryFailed.rawValue),
                                MessageHeader(Headers.errorMessage, "answer to \(report.topic) failed: \(error)")]
            message.topic = configuration.deadLetterTopic
            message.partition = nil
            do {
                try producer.send(message, token: DeliveryToken(partition: token.partition, kind: .deadLetter, offset: token.offset).raw)
                metrics.deadLetters.increment()
                return
            } catch {
                logger.error("cannot dead-letter an undeliverable answer", metadata: ["error": "\(error)"])
            }
        } else {
            logger.error("\(token.kind == .state ? "state" : "dead-letter") record cannot be delivered", metadata: ["error": "\(error)"])
        }
        tracker.acknowledge(partition: token.partition, offset: token.offset)
    }

    /// Sends (or, when the answer was not delivered, drops) the state record waiting for an answer.
    private func writePendingState(_ answer: DeliveryToken, delivered: Bool) {
        guard let record = pendingStates.removeValue(forKey: PartitionOffset(answer.partition, answer.offset)) else { return }
        let state = DeliveryToken(partition: answer.partition, kind: .state, offset: answer.offset)
        if !delivered || sendChangelog(record, token: state) == 0 {
            tracker.acknowledge(partition: answer.partition, offset: answer.offset)
        }
    }

    private static let permanentErrors: Set<String> = [
        "MSG_SIZE_TOO_LARGE", "TOPIC_AUTHORIZATION_FAILED", "INVALID_RECORD", "RECORD_LIST_TOO_LARGE",
        "_INVALID_ARG", "UNKNOWN_TOPIC_OR_PART", "_UNKNOWN_TOPIC", "INVALID_TOPIC_EXCEPTION", "_MSG_SIZE_TOO_LARGE",
    ]

    private func storeOffsets() {
        let ready = tracker.takeStorable()
        guard !ready.isEmpty else { return }
        var offsets: [TopicPartition: Int64] = [:]
        for (p, o) in ready { offsets[TopicPartition(configuration.questionsTopic, p)] = o }
        do { try consumer.store(offsets) } catch { logger.warning("offset store failed", metadata: ["error": "\(error)"]) }
    }

    // MARK: Rebalance (answering thread, inside consumer poll/close)

    fileprivate func partitionsAssigned(_ partitions: [TopicPartition]) -> [TopicPartition: Int64] {
        metrics.rebalances.increment()
        var resume = (starts: [TopicPartition: Int64](), answered: [Int32: Int64]())
        if configuration.delivery == .exactlyOnce, let topicReader { resume = resumePoints(partitions, reader: topicReader) }
        var restored = 0
        if let topicReader, changelog != nil {
            for tp in partitions {
                do {
                    let (users, stateOffset) = try changelog!.restore(partition: tp.partition, reader: topicReader, into: engine)
                    restored += users
                    // The state must not be older than the last answer: replay what was answered after it.
                    if let answered = resume.answered[tp.partition], stateOffset < answered {
                        try replay(tp.partition, from: stateOffset + 1, through: answered, reader: topicReader)
                    }
                } catch {
                    logger.warning("cannot restore conversation state", metadata: ["partition": "\(tp.partition)", "error": "\(error)"])
                }
            }
            metrics.usersInMemory.record(engine.userCount)
        }
        health.setAssigned(true)
        metrics.assignedPartitions.record(consumer.assignment().count + partitions.count)
        logger.info("partitions assigned", metadata: ["partitions": "\(partitions.map(\.partition).sorted())",
                                                      "resumed": "\(resume.starts.map { "\($0.key.partition)@\($0.value)" }.sorted())",
                                                      "users_restored": "\(restored)"])
        return resume.starts
    }

    /// Runs questions `from...through` of `partition` through the engine again without answering, so the state
    /// catches up with answers that were sent before a crash but whose state record was not; then writes the
    /// caught-up states to the changelog.
    private func replay(_ partition: Int32, from: Int64, through: Int64, reader: TopicReader) throws {
        var users = Set<String>()
        try reader.readAll(topic: configuration.questionsTopic, partition: partition, from: from, through: through) { record in
            guard case .success(let q) = decoder.decode(value: record.value, key: record.key,
                                                        defaultID: "\(record.topic)-\(record.partition)-\(record.offset)"),
                  !engine.hasSeen(questionId: q.id, user: q.user) else { return }
            _ = engine.reply(to: q.text, user: q.user, language: q.language, questionId: q.id)
            users.insert(q.user)
        }
        for user in users {
            guard let state = engine.state(of: user), let record = changelog?.record(for: user, state: state, partition: partition, offset: through) else { continue }
            _ = sendChangelog(record, token: DeliveryToken(partition: partition, kind: .housekeeping, offset: through))
        }
        logger.info("conversation state replayed", metadata: ["partition": "\(partition)", "from": "\(from)", "through": "\(through)", "users": "\(users.count)"])
    }

    /// Resume-from-output: for each partition, the offset after the last question answered on the matching
    /// answers partition, never before the group's committed offset; and that last answered offset.
    private func resumePoints(_ partitions: [TopicPartition], reader: TopicReader) -> (starts: [TopicPartition: Int64], answered: [Int32: Int64]) {
        do {
            let last = try reader.lastRecords(topic: configuration.answersTopic, partitions: partitions.map(\.partition))
            let committed = try consumer.committed(partitions)
            var starts: [TopicPartition: Int64] = [:]
            var answeredOffsets: [Int32: Int64] = [:]
            for tp in partitions {
                guard let record = last[tp.partition],
                      record.header(Headers.sourcePartition)?.stringValue == String(tp.partition),
                      let answered = record.header(Headers.sourceOffset)?.stringValue.flatMap(Int64.init) else { continue }
                starts[tp] = max(answered + 1, committed[tp] ?? KafkaOffset.invalid)
                answeredOffsets[tp.partition] = answered
            }
            return (starts, answeredOffsets)
        } catch {
            logger.warning("cannot read the answers topic to resume; using committed offsets (at-least-once)", metadata: ["error": "\(error)"])
            return ([:], [:])
        }
    }

    fileprivate func partitionsRevoked(_ partitions: [TopicPartition], lost: Bool) {
        metrics.rebalances.increment()
        let ps = partitions.map(\.partition)
        if !lost {
            // Finish the revoked partitions' answers so their offsets can be committed before they move.
            producer.flush(timeoutMs: configuration.shutdownTimeoutMs)
            storeOffsets()
        }
        let dropped = tracker.remove(partitions: ps)
        pendingStates = pendingStates.filter { !ps.contains($0.key.partition) }
        let forgotten = changelog?.drop(partitions: Set(ps), from: engine) ?? 0
        metrics.usersInMemory.record(engine.userCount)
        let remaining = consumer.assignment().count - partitions.count
        metrics.assignedPartitions.record(max(remaining, 0))
        if remaining <= 0 { health.setAssigned(false) }
        logger.info("partitions revoked", metadata: ["partitions": "\(ps.sorted())", "lost": "\(lost)", "unacknowledged": "\(dropped)",
                                                     "users_dropped": "\(forgotten)"])
    }
}

private final class Rebalancer: RebalanceListener {
    unowned let worker: AnswerWorker
    init(worker: AnswerWorker) { self.worker = worker }
    func partitionsAssigned(_ partitions: [TopicPartition]) -> [TopicPartition: Int64] {
        worker.partitionsAssigned(partitions)
    }
    func partitionsRevoked(_ partitions: [TopicPartition], lost: Bool) {
        worker.partitionsRevoked(partitions, lost: lost)
    }
}

/// Header names of the topic contract.
public enum Headers {
    public static let correlationID = "correlation-id"
    public static let traceparent = "traceparent"
    /// Copied from question to answer.
    public static let propagated = [correlationID, traceparent]
    public static let sourcePartition = "kolbot.source.partition"
    public static let sourceOffset = "kolbot.source.offset"
    public static let errorCode = "error.code"
    public static let errorMessage = "error.message"
    public static let originalTopic = "original.topic"
    public static let originalPartition = "original.partition"
    public static let originalOffset = "original.offset"
    /// On dead-letter records whose value was cut to the message limit: the original size in bytes.
    public static let originalSize = "original.size"
}

/// A question's position.
struct PartitionOffset: Hashable {
    var partition: Int32
    var offset: Int64
    init(_ partition: Int32, _ offset: Int64) {
        self.partition = partition
        self.offset = offset
    }
}
