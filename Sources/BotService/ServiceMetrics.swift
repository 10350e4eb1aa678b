import BotCore
import Metrics

/// The service's metrics, made once; labels are fixed (never a user id).
struct ServiceMetrics {
    let questions = Counter(label: "kolbot_questions_total")
    let deadLetters = Counter(label: "kolbot_dead_letters_total")
    let fallbacks = Counter(label: "kolbot_fallbacks_total")
    let rebalances = Counter(label: "kolbot_rebalances_total")
    let rateLimited = Counter(label: "kolbot_rate_limited_total")
    private let answersByLanguage: [Language: Counter] = Dictionary(uniqueKeysWithValues: Language.allCases.map {
        ($0, Counter(label: "kolbot_answers_total", dimensions: [("lang", $0.rawValue)]))
    })
    private let errors: [QuestionErrorCode: Counter] = Dictionary(uniqueKeysWithValues: QuestionErrorCode.allCases.map {
        ($0, Counter(label: "kolbot_errors_total", dimensions: [("code", $0.rawValue)]))
    })

    func answered(_ reply: Reply) {
        answersByLanguage[reply.language]?.increment()
        if reply.isFallback { fallbacks.increment() }
    }

    func rejected(_ code: QuestionErrorCode) {
        errors[code]?.increment()
    }
}
