import BotService
import DequeModule
import Foundation
import KafkaTransport
import Logging
import Synchronization

/// The gateway's two Kafka threads: one owns the question producer (requests hand it records through a queue),
/// one owns the reply reader (the reply topic's partitions, assigned from their end, no consumer group) and
/// hands each answer to the request waiting for it.
public final class GatewayTransport: @unchecked Sendable {
    private let configuration: GatewayConfiguration
    private let logger: Logger
    private let metrics: GatewayMetrics
    /// The questions waiting for answers.
    public let pending: PendingAnswers
    public let health: GatewayHealth

    private let outbox = Mutex(Deque<(OutboundMessage, UInt64)>())
    private let wake = DispatchSemaphore(value: 0)
    private let stopRequested = Atomic<Bool>(false)
    private let threadsLeft = Atomic<Int>(0)
    // Owned by their threads once started.
    private var producer: KafkaProducer!
    private var reader: KafkaConsumer!

    public init(configuration: GatewayConfiguration, metrics: GatewayMetrics = GatewayMetrics(), health: GatewayHealth = GatewayHealth(), logger: Logger) {
        self.configuration = configuration
        self.logger = logger
        self.metrics = metrics
        self.health = health
        let gauge = metrics.pending
        self.pending = PendingAnswers(capacity: configuration.maxPending) { gauge.record($0) }
    }

    /// Connects, makes sure the questions and reply topics exist, positions the reader at the end of the reply
    /// topic and starts both threads. When it returns, a question sent now has its answer read.
    /// - Throws: A ``KafkaError`` when the brokers cannot be reached or a topic is missing.
    public func start() throws {
        producer = try KafkaProducer(
            configuration: KafkaConfiguration(configuration.producerProperties), logger: logger,
            onError: { [unowned self] error in reportError(error, client: "producer") },
            onStatistics: { [unowned self] json in if anyBrokerUp(statistics: json) { reachable() } },
            onDelivery: { [unowned self] report in delivered(report) })
        let questionPartitions = try producer.partitionCount(of: configuration.questionsTopic)
        reader = try KafkaConsumer(configuration: KafkaConfiguration(configuration.consumerProperties), logger: logger,
                                   onError: { [unowned self] error in reportError(error, client: "reply reader") })
        let replyPartitions = try ReplyTopic.ensure(configuration, reader: reader, logger: logger)
        var start: [TopicPartition: Int64] = [:]
        for p in 0..<Int32(replyPartitions) {
            let tp = TopicPartition(configuration.replyTopic, p)
            start[tp] = try reader.watermarks(tp).high
        }
        try reader.assign(start)
        logger.info("gateway connected", metadata: ["questions.topic": "\(configuration.questionsTopic)", "questions.partitions": "\(questionPartitions)",
                                                    "reply.topic": "\(configuration.replyTopic)", "reply.partitions": "\(replyPartitions)"])
        threadsLeft.store(2, ordering: .relaxed)
        let send = Thread { [self] in sendLoop() }
        send.name = "gateway-send"
        let read = Thread { [self] in readLoop() }
        read.name = "gateway-replies"
        health.setSenderRunning(true)
        health.setReaderRunning(true)
        send.start()
        read.start()
    }

    /// Queues a question for the producer thread.
    func send(_ message: OutboundMessage, ticket: UInt64) {
        outbox.withLock { $0.append((message, ticket)) }
        wake.signal()
    }

    /// Stops both threads: the producer flushes what it holds (at most 2 s), the reader closes. Blocks until done.
    public func stop() {
        guard !stopRequested.exchange(true, ordering: .acquiringAndReleasing) else { return }
        wake.signal()
        while threadsLeft.load(ordering: .acquiring) > 0 { usleep(10_000) }
    }

    // MARK: Producer thread

    private func sendLoop() {
        var batch: [(OutboundMessage, UInt64)] = []
        while !stopRequested.load(ordering: .acquiring) {
            _ = wake.wait(timeout: .now() + .milliseconds(50))
            outbox.withLock { queue in
                batch.append(contentsOf: queue)
                queue.removeAll(keepingCapacity: true)
            }
            for (message, ticket) in batch {
                do {
                    try producer.send(message, token: ticket)
                } catch {
                    metrics.deliveryFailures.increment()
                    pending.finish(ticket: ticket, with: .notDelivered("\(error)"))
                    if (error as? KafkaError)?.isFatal == true {
                        logger.error("question producer failed", metadata: ["error": "\(error)"])
                        health.setFailed()
                    }
                }
            }
            batch.removeAll(keepingCapacity: true)
            producer.poll(timeoutMs: 0)
        }
        let left = producer.close(timeoutMs: 2_000)
        health.setSenderRunning(false)
        logger.info("question producer closed", metadata: ["undelivered": "\(left)"])
        threadsLeft.subtract(1, ordering: .releasing)
    }

    private func delivered(_ report: DeliveryReport) {
        if let error = report.error {
            metrics.deliveryFailures.increment()
            if isOutage(error) { reportError(error, client: "producer") }
            pending.finish(ticket: report.token, with: .notDelivered(error.description))
        } else {
            reachable()
        }
    }

    // MARK: Reader thread

    private func readLoop() {
        var batch: [InboundMessage] = []
        while !stopRequested.load(ordering: .acquiring) {
            batch.removeAll(keepingCapacity: true)
            do {
                try reader.poll(maxMessages: 500, timeoutMs: 100, into: &batch)
            } catch {
                logger.error("reply reader failed", metadata: ["error": "\(error)"])
                health.setFailed()
                break
            }
            for message in batch { handle(message) }
        }
        health.setReaderRunning(false)
        reader.close()
        threadsLeft.subtract(1, ordering: .releasing)
    }

    private func handle(_ message: InboundMessage) {
        metrics.answersRead.increment()
        guard let value = message.value, let record = AnswerRecord(json: value) else {
            logger.debug("not an answer on the reply topic", metadata: ["kafka.partition": "\(message.partition)", "kafka.offset": "\(message.offset)"])
            return
        }
        let key = AnswerKey(user: record.user, questionID: record.inReplyTo)
        if !pending.deliver(ArrivedAnswer(value: value, headers: message.headers, record: record), for: key) {
            metrics.unmatched.increment()
            logger.debug("answer with no waiting request (duplicate or late)", metadata: ["question.id": "\(record.inReplyTo)"])
        }
    }

    // MARK: Connectivity

    private func reportError(_ error: KafkaError, client: String) {
        if error.isFatal {
            logger.error("\(client) fatal error", metadata: ["error": "\(error)"])
            health.setFailed()
        } else if isOutage(error) {
            if health.setReachable(false) { logger.warning("brokers unreachable", metadata: ["client": "\(client)", "error": "\(error.message)"]) }
        } else {
            logger.debug("\(client) error", metadata: ["error": "\(error)"])
        }
    }

    private func reachable() {
        if health.setReachable(true) { logger.info("brokers reachable again") }
    }
}
