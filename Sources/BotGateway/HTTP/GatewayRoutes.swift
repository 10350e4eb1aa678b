import BotService
import Hummingbird
import KafkaTransport
import Logging
import Prometheus

/// The gateway's HTTP routes: the API, the chat page, health and metrics.
struct GatewayRoutes: Sendable {
    let configuration: GatewayConfiguration
    let transport: GatewayTransport
    let metrics: GatewayMetrics
    let registry: PrometheusCollectorRegistry
    let logger: Logger

    func makeRouter() -> Router<BasicRequestContext> {
        let router = Router(context: BasicRequestContext.self)
        router.addMiddleware {
            GatewayMiddleware(corsOrigins: configuration.corsOrigins, metrics: metrics, logger: logger)
        }
        router.post("/v1/ask") { request, _ in try await ask(request) }
        router.get("/") { _, _ in ChatPage.response(.html) }
        router.get("/chat.js") { _, _ in ChatPage.response(.script) }
        router.get("/chat.css") { _, _ in ChatPage.response(.style) }
        router.get("/health/live") { _, _ in Self.health(transport.health.isLive) }
        router.get("/health/ready") { _, _ in Self.health(transport.health.isReady) }
        router.get("/metrics") { _, _ -> Response in
            var headers = HTTPFields()
            headers[.contentType] = "text/plain; version=0.0.4; charset=utf-8"
            return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: registry.emitToBuffer())))
        }
        return router
    }

    private static func health(_ ok: Bool) -> Response {
        Response(status: ok ? .ok : .serviceUnavailable, body: ResponseBody(byteBuffer: ByteBuffer(string: ok ? "ok\n" : "unavailable\n")))
    }

    // MARK: POST /v1/ask

    private func ask(_ request: Request) async throws -> Response {
        guard transport.health.isReady else { return Self.error(.unavailable) }
        let limit = configuration.limits.maxMessageBytes
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > limit { return Self.error(.tooLarge(limit)) }
        var body: [UInt8] = []
        for try await chunk in request.body {
            if body.count + chunk.readableBytes > limit { return Self.error(.tooLarge(limit)) }
            body += chunk.readableBytesView
        }
        let question: Question
        switch AskRequest.question(from: body, limits: configuration.limits, newID: AskRequest.newQuestionID) {
        case .failure(let error): return Self.error(error)
        case .success(let q): question = q
        }
        guard AskRequest.mayAsk(as: question.user, authorization: request.headers[.authorization], bridgeToken: configuration.bridgeToken) else {
            return Self.error(.forbiddenUser)
        }
        var outbound = question
        outbound.replyTo = configuration.replyTopic
        let value = outbound.encoded()
        if value.count > limit { return Self.error(.tooLarge(limit)) }
        let headers = AskRequest.propagatedHeaders(correlationID: request.headers[Self.correlationID], traceparent: request.headers[Self.traceparent])
        let key = AnswerKey(user: question.user, questionID: question.id)
        let ticket: UInt64
        do {
            ticket = try transport.pending.register(key)
        } catch .duplicate {
            return Self.error(.duplicate)
        } catch {
            return Self.error(.overloaded)
        }
        let started = ContinuousClock.now
        transport.send(OutboundMessage(topic: configuration.questionsTopic, key: Array(question.user.utf8), value: value, headers: headers), ticket: ticket)
        let timeout = configuration.answerTimeout
        let wait: @Sendable () async -> AnswerOutcome = { [transport, metrics] in
            let outcome = await transport.pending.wait(ticket: ticket, timeout: timeout)
            switch outcome {
            case .answered: metrics.answerWait.recordNanoseconds(Int64((ContinuousClock.now - started) / .nanoseconds(1)))
            case .timedOut: metrics.timeouts.increment()
            case .notDelivered, .cancelled: break
            }
            return outcome
        }
        if Self.wantsEventStream(request) {
            return eventStream(questionID: question.id, requestHeaders: headers, wait: wait)
        }
        switch await wait() {
        case .answered(let answer): return Self.answerResponse(answer, requestHeaders: headers)
        case .timedOut: return Self.error(.timeout(timeout))
        case .notDelivered(let why): return Self.error(.notDelivered(why))
        case .cancelled: return Self.error(.cancelled)
        }
    }

    private func eventStream(questionID: String, requestHeaders: [MessageHeader], wait: @escaping @Sendable () async -> AnswerOutcome) -> Response {
        var fields = HTTPFields()
        fields[.contentType] = "text/event-stream; charset=utf-8"
        fields[.cacheControl] = "no-store"
        Self.copy(requestHeaders, into: &fields)
        let timeout = configuration.answerTimeout
        // The wait starts now, not when the body is written: if the client is gone before that, the wait still
        // ends (answer or timeout) and leaves nothing in the pending map.
        let outcome = Task { await wait() }
        return Response(status: .ok, headers: fields, body: ResponseBody { writer in
            try await writer.write(ByteBuffer(bytes: ServerSentEvents.event("accepted", json: "{\"id\":\(jsonString(questionID))}")))
            let event: [UInt8]
            switch await outcome.value {
            case .answered(let answer): event = ServerSentEvents.event("answer", data: answer.value)
            case .timedOut: event = ServerSentEvents.event("error", json: GatewayError.timeout(timeout).json)
            case .notDelivered(let why): event = ServerSentEvents.event("error", json: GatewayError.notDelivered(why).json)
            case .cancelled: event = ServerSentEvents.event("error", json: GatewayError.cancelled.json)
            }
            try await writer.write(ByteBuffer(bytes: event))
            try await writer.finish(nil)
        })
    }

    private static func wantsEventStream(_ request: Request) -> Bool {
        request.headers[.accept]?.contains("text/event-stream") == true
    }

    /// `200` with the answer object verbatim; `429` when `serve` answered that the user is over the rate limit.
    private static func answerResponse(_ answer: ArrivedAnswer, requestHeaders: [MessageHeader]) -> Response {
        var fields = HTTPFields()
        fields[.contentType] = "application/json; charset=utf-8"
        fields[.cacheControl] = "no-store"
        // The answer's own headers (serve copies them from the question) win over the request's.
        copy(requestHeaders, into: &fields)
        copy(answer.headers.filter { Headers.propagated.contains($0.name) }, into: &fields)
        let limited = answer.record.errorCode == QuestionErrorCode.rateLimited.rawValue
        if limited { fields[.retryAfter] = "1" }
        return Response(status: limited ? .tooManyRequests : .ok, headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(bytes: answer.value)))
    }

    static let correlationID = FieldName(Headers.correlationID)!
    static let traceparent = FieldName(Headers.traceparent)!

    private static func copy(_ headers: [MessageHeader], into fields: inout HTTPFields) {
        for h in headers {
            guard let name = FieldName(h.name), let value = h.stringValue, value.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) else { continue }
            fields[name] = value
        }
    }

    static func error(_ error: GatewayError) -> Response {
        var fields = HTTPFields()
        fields[.contentType] = "application/json; charset=utf-8"
        fields[.cacheControl] = "no-store"
        if error.status == 503 || error.status == 429 { fields[.retryAfter] = "1" }
        return Response(status: HTTPResponse.Status(code: error.status), headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(string: error.json)))
    }
}
