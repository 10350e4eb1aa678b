import BotCore
import Metrics

/// The service's metrics, made once; labels are fixed or bounded (intents of the pack, error codes,
/// partitions), never a user id. Owned by the answering thread.
final class ServiceMetrics {
    let questions = Counter(label: "kolbot_questions_total")
    let deadLetters = Counter(label: "kolbot_dead_letters_total")
    let fallbacks = Counter(label: "kolbot_fallbacks_total")
    let rebalances = Counter(label: "kolbot_rebalances_total")
    let rateLimited = Counter(label: "kolbot_rate_limited_total")
    /// Questions not answered again because their id was already answered for the user.
    let redelivered = Counter(label: "kolbot_redelivered_total")
    /// From the question record's timestamp to the answer handed to the producer.
    let latency = Timer(label: "kolbot_answer_latency_seconds")
    let assignedPartitions = Gauge(label: "kolbot_assigned_partitions")
    let producerQueueDepth = Gauge(label: "kolbot_producer_queue_depth_messages")
    let usersInMemory = Gauge(label: "kolbot_users_in_memory")
    /// Bytes of conversation state held in memory (per-user records and their keys).
    let stateBytes = Gauge(label: "kolbot_state_bytes")

    private let transactionsCommitted = Counter(label: "kolbot_transactions_total", dimensions: [("outcome", "committed")])
    private let transactionsAborted = Counter(label: "kolbot_transactions_total", dimensions: [("outcome", "aborted")])

    /// Counts a transaction that committed or aborted.
    func transactions(committed: Bool) {
        (committed ? transactionsCommitted : transactionsAborted).increment()
    }

    private struct AnswerKind: Hashable {
        var intent: String
        var language: Language
    }

    private var answers: [AnswerKind: Counter] = [:]
    private var lag: [Int32: Gauge] = [:]
    private let errors: [QuestionErrorCode: Counter] = Dictionary(uniqueKeysWithValues: QuestionErrorCode.allCases.map {
        ($0, Counter(label: "kolbot_errors_total", dimensions: [("code", $0.rawValue)]))
    })

    init() {}

    /// Counts an answer by intent and language.
    func answered(_ reply: Reply) {
        let key = AnswerKind(intent: reply.intent, language: reply.language)
        if let counter = answers[key] {
            counter.increment()
        } else {
            let counter = Counter(label: "kolbot_answers_total", dimensions: [("intent", reply.intent), ("lang", reply.language.rawValue)])
            answers[key] = counter
            counter.increment()
        }
        if reply.isFallback { fallbacks.increment() }
    }

    func rejected(_ code: QuestionErrorCode) {
        errors[code]?.increment()
    }

    /// Records the per-partition consumer lag, in messages.
    func record(lag: [Int32: Int]) {
        for (p, value) in lag {
            if self.lag[p] == nil { self.lag[p] = Gauge(label: "kolbot_consumer_lag_messages", dimensions: [("partition", String(p))]) }
            self.lag[p]?.record(value)
        }
    }
}
