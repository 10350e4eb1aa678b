import KafkaTransport
import Logging

/// How answers reach the brokers and when a question counts as done: one implementation per delivery mode.
/// Used on the answering thread only.
protocol AnswerDelivery: AnyObject {
    /// Records sent whose question is not finished yet (acknowledged, or committed).
    var inFlight: Int { get }
    /// Records waiting in the producers' queues.
    var queueDepth: Int { get }
    /// True when the producer hit a fatal error and the service must rewind (see ``restart()``).
    var needsRestart: Bool { get }

    /// Sends what a question produced. A question of a partition this instance no longer writes is skipped.
    func send(_ outcome: AnsweringPipeline.Outcome, for question: InboundMessage)
    /// Sends a record no question waits for (tombstones, states rewritten after a replay).
    func sendHousekeeping(_ record: OutboundMessage, partition: Int32)
    /// Serves delivery reports.
    func poll()
    /// After each batch: stores the offsets of finished questions, or commits the transactions that are due.
    /// - Returns: partitions whose work was thrown away (an aborted transaction): the caller rewinds them.
    func finishBatch(consumer: KafkaConsumer) -> [Int32]
    /// Partitions given to this instance, before anything of theirs is read (transactions fence here).
    func partitionsAssigned(_ partitions: [Int32], consumer: KafkaConsumer) throws
    /// Partitions taken away: finishes (or, when `lost`, drops) their work; returns the records dropped.
    func partitionsRevoked(_ partitions: [Int32], lost: Bool, consumer: KafkaConsumer) -> Int
    /// Replaces a failed producer, dropping what it had not finished (the caller rewinds every partition).
    func restart() throws
    /// Finishes what was sent (at most `timeoutMs`) and records it with the group, before the consumer leaves it.
    /// - Returns: true when nothing was left unfinished.
    func finishAll(consumer: KafkaConsumer, timeoutMs: Int32) -> Bool
    /// Closes the producers (after the consumer has left the group); returns the records left unacknowledged.
    func close() -> Int
    /// Makes the producers fail as a fenced or out-of-sequence producer would. For tests.
    func simulateFatalError()
}

/// Sends the records one question produced through a producer: the answer (a refused answer is dead-lettered
/// instead) and the dead letter (cut to the service's message limit when too large). Shared by the modes.
struct QuestionRecords {
    let deadLetterTopic: String
    let maxMessageBytes: Int
    let metrics: ServiceMetrics
    let logger: Logger

    /// Sends the outcome's records; returns how many were enqueued and whether the answer was.
    /// - Parameter deadLetter: makes the question's dead-letter record for an error code and message.
    /// - Throws: A fatal ``KafkaError``: the producer is unusable.
    func send(_ outcome: AnsweringPipeline.Outcome, through producer: KafkaProducer, token: (DeliveryToken.Kind) -> UInt64,
              deadLetter: (QuestionErrorCode, String) -> OutboundMessage) throws -> (records: Int, answered: Bool) {
        var records = 0
        var answered = false
        if let answer = outcome.answer {
            do {
                try producer.send(answer, token: token(.answer))
                records += 1
                answered = true
            } catch let error as KafkaError where !error.isFatal {
                logger.error("answer refused by the producer; dead-lettering the question", metadata: [LogKey.error: "\(error)"])
                records += try sendDeadLetter(deadLetter(.deliveryFailed, "answer refused: \(error)"), through: producer, token: token(.deadLetter))
            }
        }
        if let record = outcome.deadLetter { records += try sendDeadLetter(record, through: producer, token: token(.deadLetter)) }
        return (records, answered)
    }

    /// Sends a dead-letter record; a value too large for the producer is cut to the message limit (header
    /// `original.size` keeps the real size). Returns the number of records enqueued.
    func sendDeadLetter(_ record: OutboundMessage, through producer: KafkaProducer, token: UInt64) throws -> Int {
        var record = record
        do {
            try producer.send(record, token: token)
        } catch let error as KafkaError where !error.isFatal {
            guard let value = record.value, value.count > maxMessageBytes else {
                logger.error("dead-letter record refused by the producer", metadata: [LogKey.error: "\(error)"])
                return 0
            }
            record.value = Array(value.prefix(maxMessageBytes))
            record.headers.append(MessageHeader(Headers.originalSize, String(value.count)))
            do { try producer.send(record, token: token) } catch let error as KafkaError where !error.isFatal {
                logger.error("dead-letter record refused by the producer", metadata: [LogKey.error: "\(error)"])
                return 0
            }
        }
        metrics.deadLetters.increment()
        return 1
    }
}

extension KafkaError {
    /// Delivery errors that retrying cannot fix.
    var isPermanentDeliveryError: Bool { Self.permanentDeliveryErrors.contains(name) }

    /// Errors that mean another producer with the same `transactional.id` has taken over.
    var isFencing: Bool { Self.fencingErrors.contains(name) }

    private static let permanentDeliveryErrors: Set<String> = [
        "MSG_SIZE_TOO_LARGE", "TOPIC_AUTHORIZATION_FAILED", "INVALID_RECORD", "RECORD_LIST_TOO_LARGE",
        "_INVALID_ARG", "UNKNOWN_TOPIC_OR_PART", "_UNKNOWN_TOPIC", "INVALID_TOPIC_EXCEPTION", "_MSG_SIZE_TOO_LARGE",
    ]
    private static let fencingErrors: Set<String> = ["_FENCED", "PRODUCER_FENCED", "INVALID_PRODUCER_EPOCH", "TRANSACTIONAL_ID_AUTHORIZATION_FAILED"]
}
