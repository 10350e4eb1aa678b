import BotCore
import KafkaTransport

/// Turns question records into the records to produce, without any Kafka client: decoding, the redelivery
/// check, the per-user rate limit, the `reply_to` check, the conversation core, and the encoding of answers,
/// dead letters and changelog records. Tests and benchmarks drive it directly.
///
/// - Important: One pipeline belongs to one thread (it owns the conversation state); it takes no locks.
public final class AnsweringPipeline {
    /// What one question record produced.
    public struct Outcome {
        /// The answer, to the answers topic or to the question's `reply_to` topic; nil when the question gets none
        /// (redelivered, or no user can be known).
        public var answer: OutboundMessage?
        /// The question's dead-letter record, when it has one.
        public var deadLetter: OutboundMessage?
        /// The user whose conversation state the question changed: a changelog record is due once the answer is
        /// acknowledged (see ``stateRecord(of:position:)``).
        public var stateChanged: String?
    }

    /// The topics and settings the pipeline writes with.
    public struct Settings: Sendable {
        public var answersTopic: String
        public var deadLetterTopic: String
        /// The changelog topic; nil when state is kept in memory only.
        public var stateTopic: String?
        /// Answers go to the question's partition number (co-partitioned topics); otherwise the key decides.
        public var answersCoPartitioned: Bool
        public var limits: QuestionLimits
        public var rateLimit: Double
        public var rateBurst: Double
        public var rateLimitMaxUsers: Int
        public var replyToPattern: String
        /// Topics a `reply_to` may never name (the service's input and internal topics).
        public var forbiddenReplyTopics: Set<String>

        /// The settings of a service configuration.
        public init(_ c: ServiceConfiguration, answersCoPartitioned: Bool) {
            answersTopic = c.answersTopic
            deadLetterTopic = c.deadLetterTopic
            stateTopic = c.stateChangelog ? c.stateTopic : nil
            self.answersCoPartitioned = answersCoPartitioned
            limits = c.limits
            rateLimit = c.rateLimit
            rateBurst = c.rateBurst
            rateLimitMaxUsers = c.rateLimitMaxUsers
            replyToPattern = c.replyToPattern
            forbiddenReplyTopics = [c.questionsTopic, c.deadLetterTopic, c.stateTopic]
        }
    }

    let settings: Settings
    let engine: ConversationEngine
    let decoder: QuestionDecoder
    let metrics: ServiceMetrics
    private var rateLimiter: RateLimiter
    private var encoder = AnswerEncoder()
    private var replyTargets: ReplyTargets
    /// Users with conversation state, by partition: whose state moves with a partition, who gets a tombstone.
    private(set) var changelog: StateChangelog?

    /// Creates a pipeline.
    /// - Parameters:
    ///   - listTopics: the cluster's topic names, for the `reply_to` existence check (called at most every 30 s).
    /// - Throws: when the `reply_to` pattern is not a regular expression.
    public convenience init(settings: Settings, pack: KnowledgePack, listTopics: @escaping () throws -> Set<String>) throws {
        try self.init(settings: settings, pack: pack, metrics: ServiceMetrics(), listTopics: listTopics)
    }

    init(settings: Settings, pack: KnowledgePack, metrics: ServiceMetrics, listTopics: @escaping () throws -> Set<String>) throws {
        self.settings = settings
        engine = ConversationEngine(pack: pack)
        decoder = QuestionDecoder(limits: settings.limits)
        self.metrics = metrics
        rateLimiter = RateLimiter(rate: settings.rateLimit, burst: settings.rateBurst, maxUsers: settings.rateLimitMaxUsers)
        replyTargets = try ReplyTargets(pattern: settings.replyToPattern, forbidden: settings.forbiddenReplyTopics, listTopics: listTopics)
        changelog = settings.stateTopic.map { StateChangelog(topic: $0) }
    }

    /// Answers one question record.
    /// - Parameter nowMs: the wall-clock time, in milliseconds since the epoch.
    public func handle(_ message: InboundMessage, nowMs: Int64) -> Outcome {
        metrics.questions.increment()
        var outcome = Outcome()
        let question: Question
        switch decoder.decode(value: message.value, key: message.key, defaultID: message.defaultQuestionID) {
        case .failure(let error):
            metrics.rejected(error.code)
            if let user = error.user {
                outcome.answer = answerRecord(Answer(rejecting: error, user: user, timestampMs: nowMs), to: settings.answersTopic, for: message)
            }
            outcome.deadLetter = deadLetter(message, error: error)
            return outcome
        case .success(let q):
            question = q
        }
        if engine.hasSeen(questionId: question.id, user: question.user)
            || changelog?.answered(question.user, position: PartitionOffset(message.partition, message.offset)) == true {
            // Redelivered (read again after a crash or a rewind, or sent again by a client): answered already.
            metrics.redelivered.increment()
            return outcome
        }
        var destination = settings.answersTopic
        if let replyTo = question.replyTo {
            if let why = replyTargets.refusal(for: replyTo, nowMs: nowMs) {
                outcome.deadLetter = deadLetter(message, error: QuestionError(
                    code: .replyToNotAllowed, message: why, questionID: question.id, user: question.user, language: question.language, meta: question.meta))
            } else {
                destination = replyTo
            }
        }
        if !rateLimiter.allow(question.user, nowMs: message.timestampMs ?? nowMs) {
            metrics.rateLimited.increment()
            let limited = QuestionError(code: .rateLimited, message: "more than \(settings.rateLimit) questions per second",
                                        questionID: question.id, user: question.user, language: question.language, meta: question.meta)
            outcome.answer = answerRecord(Answer(rejecting: limited, user: question.user, timestampMs: nowMs), to: destination, for: message)
            return outcome
        }
        let reply = engine.reply(to: question.text, user: question.user, language: question.language, questionId: question.id)
        metrics.answered(reply)
        if let created = message.timestampMs, nowMs >= created { metrics.latency.recordMilliseconds(nowMs - created) }
        outcome.answer = answerRecord(Answer(replying: question, with: reply, timestampMs: nowMs), to: destination, for: message)
        if changelog != nil { outcome.stateChanged = question.user }
        return outcome
    }

    /// The changelog record of `user`'s current state, tagged with the question it follows; nil when state is
    /// kept in memory only or the user is not remembered.
    public func stateRecord(of user: String, position: PartitionOffset) -> OutboundMessage? {
        guard changelog != nil, let state = engine.state(of: user) else { return nil }
        return changelog!.record(for: user, state: state, position: position)
    }

    /// The dead-letter record of a question: its key, value and headers, plus the error headers.
    public func deadLetter(_ question: InboundMessage, error: QuestionError) -> OutboundMessage {
        deadLetter(question, code: error.code, message: error.message)
    }

    /// The dead-letter record of a question for an error code and an explanation.
    public func deadLetter(_ question: InboundMessage, code: QuestionErrorCode, message: String) -> OutboundMessage {
        var headers = question.headers
        headers.reserveCapacity(headers.count + 5)
        headers.append(MessageHeader(Headers.errorCode, code.rawValue))
        headers.append(MessageHeader(Headers.errorMessage, message))
        headers.append(MessageHeader(Headers.originalTopic, question.topic))
        headers.append(MessageHeader(Headers.originalPartition, String(question.partition)))
        headers.append(MessageHeader(Headers.originalOffset, String(question.offset)))
        return OutboundMessage(topic: settings.deadLetterTopic, key: question.key, value: question.value, headers: headers)
    }

    /// The answer record for `question`: keyed by the user, with the question's position and propagated headers.
    private func answerRecord(_ answer: Answer, to topic: String, for question: InboundMessage) -> OutboundMessage {
        var headers = PartitionOffset(question.partition, question.offset).headers
        for h in question.headers where Headers.propagated.contains(h.name) { headers.append(h) }
        // By the contract the question's key is the user id: its bytes serve as the answer's key.
        let key = question.key.flatMap { $0.elementsEqual(answer.user.utf8) ? $0 : nil } ?? Array(answer.user.utf8)
        let partition: Int32? = topic == settings.answersTopic && settings.answersCoPartitioned ? question.partition : nil
        return OutboundMessage(topic: topic, partition: partition, key: key, value: encoder.encode(answer), headers: headers)
    }

    // MARK: Conversation state (for recovery)

    /// Records the number of users in memory and the bytes their state takes.
    func recordStateSize() {
        metrics.usersInMemory.record(engine.userCount)
        metrics.stateBytes.record(engine.stateBytes)
    }

    /// Tombstones for users the engine has let go (idle expiry, user cap).
    func expiredStates() -> [OutboundMessage] {
        guard changelog != nil else { return [] }
        return changelog!.tombstones(keeping: engine)
    }

    /// Drops the users of `partitions`; returns how many.
    func dropState(of partitions: Set<Int32>) -> Int {
        guard changelog != nil else { return 0 }
        return changelog!.drop(partitions: partitions, from: engine)
    }

    /// Restores the users of `partitions` from the changelog.
    /// - Returns: the users restored, and per partition the source offset of its newest record.
    func restoreState(of partitions: [Int32], reader: TopicReader) throws -> (users: Int, sourceOffsets: [Int32: Int64]) {
        guard changelog != nil else { return (0, [:]) }
        return try changelog!.restore(partitions: partitions, reader: reader, into: engine)
    }

    /// Runs a question through the conversation core again without answering it (a replay after a crash);
    /// returns its user when the state changed.
    func replay(_ record: InboundMessage) -> String? {
        guard case .success(let q) = decoder.decode(value: record.value, key: record.key, defaultID: record.defaultQuestionID),
              !engine.hasSeen(questionId: q.id, user: q.user) else { return nil }
        _ = engine.reply(to: q.text, user: q.user, language: q.language, questionId: q.id)
        changelog?.replayed(q.user, position: PartitionOffset(record.partition, record.offset))
        return q.user
    }
}

extension InboundMessage {
    /// The id of a question that carries none: `<topic>-<partition>-<offset>`.
    var defaultQuestionID: String { "\(topic)-\(partition)-\(offset)" }
}
