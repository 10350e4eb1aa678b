import Metrics

/// The gateway's metrics, made once; labels are fixed (route, status class), never a user id.
public struct GatewayMetrics: Sendable {
    /// Questions waiting for their answers.
    let pending = Gauge(label: "kolbot_gateway_pending_answers")
    /// From the question handed to the producer to its answer read back.
    let answerWait = Timer(label: "kolbot_gateway_answer_wait_seconds")
    let timeouts = Counter(label: "kolbot_gateway_answer_timeouts_total")
    /// Answers nobody waited for: duplicates (answers to `reply_to` are at-least-once) or after a timeout.
    let unmatched = Counter(label: "kolbot_gateway_unmatched_answers_total")
    let deliveryFailures = Counter(label: "kolbot_gateway_delivery_failures_total")
    let answersRead = Counter(label: "kolbot_gateway_answers_read_total")
    private let requests: [Route: [Int: Counter]]

    /// The routes counted separately.
    enum Route: String, CaseIterable, Sendable {
        case ask = "/v1/ask", page = "/", asset = "asset", health = "/health", metrics = "/metrics", other = "other"
    }

    private static let statuses = [200, 204, 400, 403, 404, 405, 409, 413, 429, 500, 502, 503, 504]

    public init() {
        var requests: [Route: [Int: Counter]] = [:]
        for route in Route.allCases {
            var byStatus: [Int: Counter] = [:]
            for status in Self.statuses {
                byStatus[status] = Counter(label: "kolbot_gateway_requests_total", dimensions: [("route", route.rawValue), ("status", String(status))])
            }
            requests[route] = byStatus
        }
        self.requests = requests
    }

    /// Counts a response (statuses outside the fixed set count as 500).
    func responded(_ route: Route, status: Int) {
        (requests[route]?[status] ?? requests[route]?[500])?.increment()
    }
}
