import Foundation
import Testing
import TestSupport

/// `kolbot gateway` against `kolbot broker` and `kolbot serve`, each in its own process.
@Suite(.serialized, .timeLimit(.minutes(4)), .heavyIntegration) struct GatewayHTTPTests {
    static let token = "test-bridge-token"
    static let bridge = ["Authorization": "Bearer \(token)"]

    @Test func answersFollowUpsFromMemoryAndRefusesBadInput() throws {
        let stack = try GatewayStack()
        defer { stack.stop() }
        try stack.startServe()
        let port = try stack.startGateway(["--bridge-token", Self.token, "--cors-origins", "https://support.example"])

        // An answer, exactly as on the topic, with the tracing headers passed through.
        let traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"
        let first = try #require(ask(port, ["text": "apa itu KOL?", "user": "bridge:alice", "id": "q-1", "meta": ["chat": 7]],
                                     headers: Self.bridge.merging(["correlation-id": "corr-1", "traceparent": traceparent]) { a, _ in a }))
        #expect(first.status == 200, "\(first.text)")
        #expect(first.json["in_reply_to"] as? String == "q-1")
        #expect(first.json["user"] as? String == "bridge:alice")
        #expect(first.json["intent"] as? String == "definition.kol")
        #expect(first.json["lang"] as? String == "id")
        #expect((first.json["meta"] as? [String: Any])?["chat"] as? Int == 7)
        #expect((first.json["suggestions"] as? [String])?.isEmpty == false)
        #expect(first.header("correlation-id") == "corr-1")
        #expect(first.header("traceparent") == traceparent)
        #expect(first.header("Content-Type")?.hasPrefix("application/json") == true)
        try validateAgainstSchema([first.body])

        // A follow-up answered from the user's conversation memory.
        let followUp = try #require(ask(port, ["text": "contohnya?", "user": "bridge:alice"], headers: Self.bridge))
        #expect(followUp.status == 200)
        #expect(followUp.json["intent"] as? String == "kol.examples", "\(followUp.text)")
        #expect((followUp.json["in_reply_to"] as? String)?.hasPrefix("gw-") == true, "a generated question id")

        // Bad input: the contract's error codes, before anything reaches Kafka.
        let broken = try #require(http("POST", port, "/v1/ask", body: Data("{oops".utf8), headers: ["Content-Type": "application/json"]))
        #expect(broken.status == 400)
        #expect(broken.errorCode == "invalid_json")
        #expect((broken.json["error"] as? [String: Any])?["message"] is String)
        #expect(ask(port, ["user": "web:AbCdEfGhIjKlMnOpQrStUv"])?.errorCode == "missing_text")
        #expect(ask(port, ["text": "halo"])?.errorCode == "missing_user")
        #expect(ask(port, ["text": String(repeating: "a", count: 5000), "user": "web:AbCdEfGhIjKlMnOpQrStUv"])?.errorCode == "text_too_long")
        #expect(ask(port, ["text": "halo", "user": "web:AbCdEfGhIjKlMnOpQrStUv", "lang": "fr"])?.errorCode == "invalid_field")
        let huge = try #require(ask(port, ["text": String(repeating: "a", count: 70_000), "user": "web:AbCdEfGhIjKlMnOpQrStUv"]))
        #expect(huge.status == 413)
        #expect(huge.errorCode == "message_too_large")

        // The bridge token: other users' ids only with it; anonymous page ids without.
        let forbidden = try #require(ask(port, ["text": "contohnya?", "user": "bridge:alice"]))
        #expect(forbidden.status == 403)
        #expect(forbidden.errorCode == "forbidden_user")
        #expect(ask(port, ["text": "apa itu influencer?", "user": "web:AbCdEfGhIjKlMnOpQrStUv"])?.status == 200)

        // Server-sent events: the same contract, one stream per question.
        let stream = try #require(http("POST", port, "/v1/ask", body: Data(#"{"text":"what is a KOL?","user":"web:AbCdEfGhIjKlMnOpQrStUv"}"#.utf8),
                                       headers: ["Accept": "text/event-stream", "Content-Type": "application/json"]))
        #expect(stream.status == 200)
        #expect(stream.header("Content-Type")?.hasPrefix("text/event-stream") == true)
        #expect(stream.text.hasPrefix("event: accepted\ndata: {\"id\":\"gw-"), "\(stream.text)")
        let answerLine = stream.text.components(separatedBy: "\n").drop { $0 != "event: answer" }.dropFirst().first ?? ""
        let streamed = try JSONSerialization.jsonObject(with: Data(answerLine.dropFirst("data: ".count).utf8)) as? [String: Any]
        #expect(streamed?["lang"] as? String == "en")
        #expect(streamed?["intent"] as? String == "definition.kol")

        // The page and its resources, with the security headers; CORS stays off.
        let page = try #require(http("GET", port, "/", headers: ["Origin": "https://elsewhere.example"]))
        #expect(page.status == 200)
        #expect(page.text.contains(#"id="question""#))
        #expect(page.header("Content-Security-Policy")?.contains("script-src 'self'") == true)
        #expect(page.header("X-Content-Type-Options") == "nosniff")
        #expect(http("GET", port, "/chat.js")?.header("Content-Type")?.hasPrefix("text/javascript") == true)
        #expect(http("GET", port, "/chat.css")?.status == 200)
        let preflight = try #require(http("OPTIONS", port, "/v1/ask", headers: ["Origin": "https://elsewhere.example", "Access-Control-Request-Method": "POST"]))
        #expect(preflight.header("Access-Control-Allow-Origin") == nil, "CORS only for the configured origins")
        let allowed = try #require(http("OPTIONS", port, "/v1/ask", headers: ["Origin": "https://support.example", "Access-Control-Request-Method": "POST"]))
        #expect(allowed.status == 204)
        #expect(allowed.header("Access-Control-Allow-Origin") == "https://support.example")
        #expect(allowed.header("Access-Control-Allow-Headers")?.contains("traceparent") == true)
        let cross = try #require(ask(port, ["text": "apa itu KOL?", "user": "web:AbCdEfGhIjKlMnOpQrStUv"], headers: ["Origin": "https://support.example"]))
        #expect(cross.header("Access-Control-Allow-Origin") == "https://support.example")
        #expect(ask(port, ["text": "apa itu KOL?", "user": "web:AbCdEfGhIjKlMnOpQrStUv"], headers: ["Origin": "https://elsewhere.example"])?
            .header("Access-Control-Allow-Origin") == nil)
        #expect(http("GET", port, "/nothing-here")?.errorCode == "not_found")

        // Metrics and health as in serve.
        #expect(http("GET", port, "/health/live")?.status == 200)
        let metrics = try #require(http("GET", port, "/metrics")).text
        #expect(metric(metrics, "kolbot_gateway_requests_total", #"route="/v1/ask",status="200""#) >= 6)
        #expect(metric(metrics, "kolbot_gateway_requests_total", #"route="/v1/ask",status="400""#) == 5)
        #expect(metric(metrics, "kolbot_gateway_pending_answers") == 0)
        #expect(metrics.contains("kolbot_gateway_answer_wait_seconds_bucket"))
    }

    @Test func visitorsSeeOnlyTheirOwnAnswers() throws {
        let stack = try GatewayStack()
        defer { stack.stop() }
        try stack.startServe()
        let port = try stack.startGateway()
        let visitors = ["web:visitorAAAAAAAAAAAAAAAA", "web:visitorBBBBBBBBBBBBBBBB", "web:visitorCCCCCCCCCCCCCCCC"]
        // First questions set each visitor's topic; the follow-ups must follow each visitor's own memory.
        let topics = ["apa itu KOL?": "kol.examples", "apa itu influencer?": "influencer.platforms"]
        let asked = ["apa itu KOL?", "apa itu influencer?", "apa itu KOL?"]
        for (i, v) in visitors.enumerated() { #expect(ask(port, ["text": asked[i], "user": v])?.status == 200) }
        let followUps = askAll(port, visitors.map { ["text": "contohnya?", "user": $0] })
        for (i, v) in visitors.enumerated() {
            let r = followUps[i]
            #expect(r?.json["user"] as? String == v)
            #expect(r?.json["intent"] as? String == topics[asked[i]], "visitor \(i): \(r?.text ?? "no reply")")
        }
        // Many concurrent questions: each request gets the answer to its own question, never another's.
        let n = 60
        let results = askAll(port, (0..<n).map { i in
            ["text": ["apa itu KOL?", "what is an influencer?", "bedanya apa?"][i % 3], "user": visitors[i % 3], "id": "c-\(i)"]
        })
        var wrong = 0
        for i in 0..<n {
            let r = results[i]
            if r?.status != 200 || r?.json["in_reply_to"] as? String != "c-\(i)" || r?.json["user"] as? String != visitors[i % 3] { wrong += 1 }
        }
        #expect(wrong == 0)
        let metrics = try #require(http("GET", port, "/metrics")).text
        #expect(metric(metrics, "kolbot_gateway_unmatched_answers_total") == 0)
        #expect(metric(metrics, "kolbot_gateway_pending_answers") == 0)
    }

    @Test func timesOutCleanlyWhenServeIsDownAndDropsLateAnswers() throws {
        let stack = try GatewayStack()
        defer { stack.stop() }
        let port = try stack.startGateway(["--answer-timeout", "3", "--max-pending", "20"])
        let start = Date()
        let reply = try #require(ask(port, ["text": "apa itu KOL?", "user": "web:lateAAAAAAAAAAAAAAAAAA", "id": "late-1"]))
        let waited = Date().timeIntervalSince(start)
        #expect(reply.status == 504)
        #expect(reply.errorCode == "answer_timeout")
        #expect(waited >= 2.9 && waited < 10, "waited \(waited) s")
        let stream = try #require(http("POST", port, "/v1/ask", body: Data(#"{"text":"apa itu influencer?","user":"web:lateAAAAAAAAAAAAAAAAAA","id":"late-2"}"#.utf8),
                                       headers: ["Accept": "text/event-stream"]))
        #expect(stream.text.contains("event: error\ndata: {\"error\":{\"code\":\"answer_timeout\""), "\(stream.text)")
        // A burst over the bound of the pending map: the first 20 wait and time out, the rest are refused at once.
        let burst = askAll(port, (0..<40).map { ["text": "apa itu KOL?", "user": "web:burst\($0)AAAAAAAAAAAAAAAAA", "id": "burst-\($0)"] })
        let statuses = burst.map { $0?.status ?? 0 }
        #expect(statuses.filter { $0 == 504 }.count == 20, "\(statuses)")
        #expect(statuses.filter { $0 == 503 }.count == 20, "\(statuses)")
        #expect(burst.filter { $0?.status == 503 }.allSatisfy { $0?.errorCode == "overloaded" })
        var metrics = try #require(http("GET", port, "/metrics")).text
        #expect(metric(metrics, "kolbot_gateway_pending_answers") == 0, "nothing left waiting")
        #expect(metric(metrics, "kolbot_gateway_answer_timeouts_total") == 22)
        #expect(metric(metrics, "kolbot_gateway_requests_total", #"route="/v1/ask",status="504""#) == 21)

        // serve comes up and answers the 22 old questions to the reply topic: nobody waits for them any more.
        try stack.startServe()
        #expect(ask(port, ["text": "apa itu KOL?", "user": "web:lateBBBBBBBBBBBBBBBBBB"])?.status == 200)
        let deadline = Date().addingTimeInterval(15)
        repeat {
            metrics = http("GET", port, "/metrics")?.text ?? ""
            if metric(metrics, "kolbot_gateway_unmatched_answers_total") == 22 { break }
            usleep(200_000)
        } while Date() < deadline
        #expect(metric(metrics, "kolbot_gateway_unmatched_answers_total") == 22, "the late answers are dropped")
        #expect(metric(metrics, "kolbot_gateway_pending_answers") == 0)

        // SIGTERM: a clean stop.
        let gateway = stack.gateways[0].process
        gateway.signal(SIGTERM)
        #expect(gateway.waitForExit(timeout: 15) == 0)
        #expect(gateway.stderr.contains("msg=stopped"))
    }

    @Test func severalGatewaysEachReadOnlyTheirOwnAnswers() throws {
        let stack = try GatewayStack()
        defer { stack.stop() }
        let a = try stack.startGateway(["--instance-id", "test-a"])
        let b = try stack.startGateway(["--instance-id", "test-b"])
        try stack.startServe()
        let viaA = askAll(a, (0..<20).map { ["text": "apa itu KOL?", "user": "web:multiA\($0)AAAAAAAAAAAAAAAA", "id": "a-\($0)"] })
        let viaB = askAll(b, (0..<20).map { ["text": "apa itu KOL?", "user": "web:multiB\($0)AAAAAAAAAAAAAAAA", "id": "b-\($0)"] })
        #expect((0..<20).allSatisfy { viaA[$0]?.status == 200 && viaA[$0]?.json["in_reply_to"] as? String == "a-\($0)" })
        #expect((0..<20).allSatisfy { viaB[$0]?.status == 200 && viaB[$0]?.json["in_reply_to"] as? String == "b-\($0)" })
        for port in [a, b] {
            let metrics = try #require(http("GET", port, "/metrics")).text
            #expect(metric(metrics, "kolbot_gateway_answers_read_total") == 20, "each gateway reads only its own 20 answers")
            #expect(metric(metrics, "kolbot_gateway_unmatched_answers_total") == 0)
        }
        #expect(stack.gateways[0].process.stderr.contains("kolbot.gateway.test-a"))
    }
}

/// Results of concurrent requests, by index.
final class ConcurrentResults: @unchecked Sendable {
    private let lock = NSLock()
    private var replies: [Int: HTTPReply] = [:]
    func set(_ i: Int, _ r: HTTPReply?) { lock.lock(); replies[i] = r; lock.unlock() }
    func get(_ i: Int) -> HTTPReply? { lock.lock(); defer { lock.unlock() }; return replies[i] }
}

/// Checks answer values against the contract's JSON Schema (Python's jsonschema).
func validateAgainstSchema(_ values: [Data]) throws {
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("gateway-answers-\(UUID().uuidString).jsonl")
    defer { try? FileManager.default.removeItem(at: file) }
    try Data(values.map { String(decoding: $0, as: UTF8.self) }.joined(separator: "\n").utf8).write(to: file)
    let validation = try runTool("/usr/bin/env", ["python3", "Tests/scripts/validate-answers.py", "Deploy/schema/answer.schema.json", file.path])
    #expect(validation.status == 0, "\(validation.stdout)\(validation.stderr)")
}
