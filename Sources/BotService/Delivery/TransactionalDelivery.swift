import KafkaTransport
import Logging

/// Delivery for the transactional mode (Kafka transactions): every question partition has its own transactional
/// producer (`transactional.id` = `<prefix>-<questions topic>-<partition>`), and per partition the answers, dead
/// letters, the users' state records and the consumed offset commit atomically, once per commit interval.
///
/// The instance that takes a partition initialises the partition's `transactional.id` before it reads anything
/// of it. That fences the previous owner (crashed, or paused past its session): its open transaction is
/// aborted and its later writes are refused. One producer per partition rather than one per instance (KIP-447)
/// because fencing through the group generation needs the broker to check it in TxnOffsetCommit, and not every
/// Kafka-compatible broker does (Tansu 0.6 accepts stale generations).
final class TransactionalDelivery: AnswerDelivery {
    /// One question partition's producer and open transaction.
    private final class PartitionWriter {
        let number: Int32
        var producer: KafkaProducer
        var isOpen = false
        var openedMs: Int64 = 0
        var records = 0
        /// A record of the open transaction failed: it must abort.
        var failure: KafkaError?
        /// Users whose state the open transaction changed; their state records are written at commit.
        var users = Set<String>()
        /// The offset after the last question of the open transaction.
        var nextOffset: Int64?
        /// Another instance initialised this partition's `transactional.id`: this one must not write it again.
        var isFenced = false

        init(number: Int32, producer: KafkaProducer) {
            self.number = number
            self.producer = producer
        }

        func reset() {
            isOpen = false
            records = 0
            failure = nil
            users.removeAll(keepingCapacity: true)
            nextOffset = nil
        }
    }

    private enum CommitResult { case committed, aborted, fenced }

    private let configuration: ServiceConfiguration
    private let records: QuestionRecords
    private let pipeline: AnsweringPipeline
    private let connectivity: ConnectivityMonitor
    private let logger: Logger
    private var writers: [Int32: PartitionWriter] = [:]
    private let commitIntervalMs: Int64
    private let maxRecordsPerTransaction = 20_000

    init(configuration: ServiceConfiguration, records: QuestionRecords, pipeline: AnsweringPipeline, connectivity: ConnectivityMonitor, logger: Logger) {
        self.configuration = configuration
        self.records = records
        self.pipeline = pipeline
        self.connectivity = connectivity
        self.logger = logger
        commitIntervalMs = Int64(configuration.commitIntervalMs)
    }

    var inFlight: Int { writers.values.reduce(0) { $0 + ($1.isOpen ? max($1.records, 1) : 0) } }
    var queueDepth: Int { writers.values.reduce(0) { $0 + $1.producer.outstanding } }
    var needsRestart: Bool { false }

    // MARK: Producers

    private func makeProducer(for partition: Int32) throws -> KafkaProducer {
        var properties = configuration.producerProperties
        properties["transactional.id"] = configuration.transactionalID(partition: partition)
        let producer = try KafkaProducer(
            configuration: KafkaConfiguration(properties), logger: logger,
            onError: { [unowned self] error in
                connectivity.report(error, client: "producer")
                if error.isFatal, let writer = writers[partition] { writer.failure = error }
            },
            onDelivery: { [unowned self] report in
                guard let error = report.error else { connectivity.succeeded(); return }
                // A record of a transaction failed: the transaction aborts and its questions are read again.
                if let writer = writers[partition], writer.failure == nil { writer.failure = error }
            })
        try producer.prepare(topics: configuration.writtenTopics)
        return producer
    }

    /// Creates the partition's producer and initialises its `transactional.id`, fencing the previous owner.
    private func openWriter(_ partition: Int32) throws -> PartitionWriter {
        let producer = try makeProducer(for: partition)
        var attempt = 0
        while true {
            do {
                try producer.initTransactions(timeoutMs: 30_000)
                break
            } catch let error as KafkaError where error.isRetriable && attempt < 5 {
                attempt += 1
                logger.warning("transactions not initialised yet, retrying", metadata: [LogKey.partition: "\(partition)", LogKey.error: "\(error)"])
            }
        }
        return PartitionWriter(number: partition, producer: producer)
    }

    func partitionsAssigned(_ partitions: [Int32], consumer: KafkaConsumer) throws {
        for p in partitions where writers[p] == nil {
            writers[p] = try openWriter(p)
        }
        consumer.resume(partitions.map { TopicPartition(configuration.questionsTopic, $0) })
    }

    // MARK: Sending

    func send(_ outcome: AnsweringPipeline.Outcome, for question: InboundMessage) {
        // A partition this instance does not (or no longer) write: its owner answers the question.
        guard let writer = writers[question.partition], !writer.isFenced else { return }
        // A question with nothing to write (redelivered) opens no transaction: its offset commits with the next
        // one (a transaction of offsets alone is not applied by every broker: Tansu 0.6 drops them).
        guard outcome.answer != nil || outcome.deadLetter != nil else {
            if writer.isOpen { writer.nextOffset = question.offset + 1 }
            return
        }
        do {
            try begin(writer)
            let position = PartitionOffset(question.partition, question.offset)
            let sent = try records.send(
                outcome, through: writer.producer, token: { DeliveryToken(partition: position.partition, kind: $0, offset: position.offset).raw },
                deadLetter: { pipeline.deadLetter(question, code: $0, message: $1) })
            writer.records += sent.records
            if sent.answered, let user = outcome.stateChanged { writer.users.insert(user) }
            writer.nextOffset = question.offset + 1
        } catch {
            if writer.failure == nil { writer.failure = (error as? KafkaError) ?? KafkaError("\(error)") }
        }
    }

    private func begin(_ writer: PartitionWriter) throws {
        guard !writer.isOpen else { return }
        try writer.producer.beginTransaction()
        writer.isOpen = true
        writer.openedMs = Int64(monotonicNs() / 1_000_000)
    }

    func sendHousekeeping(_ record: OutboundMessage, partition: Int32) {
        guard let writer = writers[partition], !writer.isFenced else { return }
        do {
            try begin(writer)
            try writer.producer.send(record, token: DeliveryToken(partition: partition, kind: .housekeeping, offset: 0).raw)
            writer.records += 1
        } catch {
            if writer.failure == nil { writer.failure = (error as? KafkaError) ?? KafkaError("\(error)") }
        }
    }

    func poll() {
        for writer in writers.values { writer.producer.poll(timeoutMs: 0) }
    }

    // MARK: Committing

    func finishBatch(consumer: KafkaConsumer) -> [Int32] {
        let now = Int64(monotonicNs() / 1_000_000)
        var rewind: [Int32] = []
        for writer in writers.values where writer.isOpen && !writer.isFenced {
            guard writer.failure != nil || now - writer.openedMs >= commitIntervalMs || writer.records >= maxRecordsPerTransaction else { continue }
            switch commit(writer, consumer: consumer) {
            case .committed: break
            case .aborted: rewind.append(writer.number)
            case .fenced: fenced(writer, consumer: consumer)
            }
        }
        return rewind
    }

    /// Writes the transaction's state records and offset, then commits; aborts when anything failed.
    private func commit(_ writer: PartitionWriter, consumer: KafkaConsumer) -> CommitResult {
        do {
            if let failure = writer.failure { throw failure }
            if let next = writer.nextOffset {
                for user in writer.users {
                    guard let record = pipeline.stateRecord(of: user, position: PartitionOffset(writer.number, next - 1)) else { continue }
                    try writer.producer.send(record, token: DeliveryToken(partition: writer.number, kind: .state, offset: next - 1).raw)
                }
                try writer.producer.sendOffsetsToTransaction([TopicPartition(configuration.questionsTopic, writer.number): next], consumer: consumer)
            }
            try writer.producer.commitTransaction()
            if let failure = writer.failure { throw failure }
            pipeline.metrics.transactions(committed: true)
            writer.reset()
            return .committed
        } catch {
            let failure = (error as? KafkaError) ?? KafkaError("\(error)")
            return abort(writer, because: failure)
        }
    }

    private func abort(_ writer: PartitionWriter, because failure: KafkaError) -> CommitResult {
        pipeline.metrics.transactions(committed: false)
        if failure.isFencing { return .fenced }
        if failure.isFatal {
            // The producer is unusable for another reason: replace it (which aborts its transaction).
            logger.error("transactional producer hit a fatal error; replacing it", metadata: [LogKey.partition: "\(writer.number)", LogKey.error: "\(failure)"])
            writer.producer.abandon()
            do {
                writer.producer = try openWriter(writer.number).producer
            } catch {
                logger.error("cannot replace the transactional producer", metadata: [LogKey.partition: "\(writer.number)", LogKey.error: "\(error)"])
                return .fenced
            }
        } else {
            logger.warning("transaction aborted; its questions are read again", metadata: [LogKey.partition: "\(writer.number)", LogKey.error: "\(failure)"])
            do { try writer.producer.abortTransaction() } catch let error as KafkaError {
                if error.isFencing { return .fenced }
                logger.error("abort failed", metadata: [LogKey.partition: "\(writer.number)", LogKey.error: "\(error)"])
            } catch {}
        }
        writer.reset()
        return .aborted
    }

    /// Another instance took the partition over: stop reading and writing it until the group revokes it.
    private func fenced(_ writer: PartitionWriter, consumer: KafkaConsumer) {
        writer.isFenced = true
        writer.reset()
        consumer.pause([TopicPartition(configuration.questionsTopic, writer.number)])
        logger.error("partition taken over by another instance (transactional id fenced); waiting for the rebalance",
                     metadata: [LogKey.partition: "\(writer.number)"])
    }

    // MARK: Partitions, lifecycle

    func partitionsRevoked(_ partitions: [Int32], lost: Bool, consumer: KafkaConsumer) -> Int {
        var dropped = 0
        for p in partitions {
            guard let writer = writers.removeValue(forKey: p) else { continue }
            if writer.isOpen && !writer.isFenced {
                if lost {
                    dropped += writer.records
                    _ = abort(writer, because: KafkaError("partition lost"))
                } else if commit(writer, consumer: consumer) != .committed {
                    dropped += writer.records
                }
            }
            writer.producer.close(timeoutMs: 1_000)
        }
        return dropped
    }

    func restart() throws {}

    func finishAll(consumer: KafkaConsumer, timeoutMs: Int32) -> Bool {
        var all = true
        for writer in writers.values where writer.isOpen && !writer.isFenced {
            if commit(writer, consumer: consumer) != .committed { all = false }
        }
        return all
    }

    func close() -> Int {
        var left = 0
        for writer in writers.values { left += writer.producer.close(timeoutMs: 1_000) }
        writers.removeAll()
        return left
    }

    func simulateFatalError() {
        for writer in writers.values { writer.producer.simulateFatalError() }
    }
}
