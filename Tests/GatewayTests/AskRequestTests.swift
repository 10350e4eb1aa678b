@testable import BotGateway
import BotService
import Testing

@Suite struct AskRequestTests {
    private let limits = QuestionLimits()

    private func parse(_ body: String) -> Result<Question, GatewayError> {
        AskRequest.question(from: Array(body.utf8), limits: limits, newID: { "generated" })
    }

    private func code(_ body: String) -> String? {
        if case .failure(let e) = parse(body) { return e.code }
        return nil
    }

    @Test func aQuestionAsInTheContract() throws {
        let q = try parse(#"{"text":"apa itu KOL?","user":"wa:62812","lang":"id","meta":{"chat":7},"reply_to":"elsewhere"}"#).get()
        #expect(q.text == "apa itu KOL?")
        #expect(q.user == "wa:62812")
        #expect(q.id == "generated")
        #expect(q.replyTo == nil, "the gateway sets reply_to itself")
        #expect(q.meta.map { String(decoding: $0, as: UTF8.self) } == #"{"chat":7}"#)
        #expect(try parse(#"{"text":"hi","user":"u","id":"bridge-42"}"#).get().id == "bridge-42")
    }

    @Test func badInputGetsTheContractsErrorCodes() {
        #expect(code("{oops") == "invalid_json")
        #expect(code("apa itu KOL?") == "invalid_json")
        #expect(code("[1,2]") == "invalid_json")
        #expect(code("") == "empty_message")
        #expect(code("  \n") == "empty_message")
        #expect(code(#"{"user":"u"}"#) == "missing_text")
        #expect(code(#"{"text":"  ","user":"u"}"#) == "missing_text")
        #expect(code(#"{"text":"hi"}"#) == "missing_user")
        #expect(code(#"{"text":"hi","user":"u","lang":"fr"}"#) == "invalid_field")
        #expect(code(#"{"text":"hi","user":"u","meta":[1]}"#) == "invalid_field")
        #expect(code(#"{"text":5,"user":"u"}"#) == "invalid_field")
        #expect(code(#"{"text":"hi","user":"\#(String(repeating: "u", count: 300))"}"#) == "invalid_field")
        #expect(code(#"{"text":"\#(String(repeating: "a", count: 5000))","user":"u"}"#) == "text_too_long")
        #expect(code(String(repeating: "[", count: 40)) == "invalid_json")
        #expect(code(#"{"text":"hi","user":"u","meta":{"a":\#(String(repeating: "[", count: 40))\#(String(repeating: "]", count: 40))}}"#) == "invalid_json")
    }

    @Test func statusesFollowTheKindOfError() {
        guard case .failure(let tooBig) = parse(#"{"text":"\#(String(repeating: "a", count: 70_000))","user":"u"}"#) else { Issue.record("accepted"); return }
        #expect(tooBig.status == 413)
        #expect(tooBig.code == "message_too_large")
        guard case .failure(let bad) = parse("{") else { Issue.record("accepted"); return }
        #expect(bad.status == 400)
        #expect(bad.json.hasPrefix(#"{"error":{"code":"invalid_json","message":""#))
    }

    @Test func anonymousIdsAndTheBridgeToken() {
        #expect(AskRequest.isAnonymousUser("web:AbCdEfGhIjKlMnOpQrStUv"))
        #expect(!AskRequest.isAnonymousUser("web:short"))
        #expect(!AskRequest.isAnonymousUser("wa:62812345678901234"))
        #expect(!AskRequest.isAnonymousUser("web:AbCdEfGhIjKlMnOp<script>"))
        #expect(AskRequest.mayAsk(as: "wa:62812", authorization: nil, bridgeToken: nil), "no token configured: open")
        #expect(!AskRequest.mayAsk(as: "wa:62812", authorization: nil, bridgeToken: "s3cret"))
        #expect(!AskRequest.mayAsk(as: "wa:62812", authorization: "Bearer wrong", bridgeToken: "s3cret"))
        #expect(AskRequest.mayAsk(as: "wa:62812", authorization: "Bearer s3cret", bridgeToken: "s3cret"))
        #expect(AskRequest.mayAsk(as: "web:AbCdEfGhIjKlMnOpQrStUv", authorization: nil, bridgeToken: "s3cret"))
    }

    @Test func onlyWellFormedTracingHeadersTravel() {
        let tp = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"
        let h = AskRequest.propagatedHeaders(correlationID: "req-123", traceparent: tp)
        #expect(h.map(\.name) == ["correlation-id", "traceparent"])
        #expect(h.last?.stringValue == tp)
        #expect(AskRequest.propagatedHeaders(correlationID: "bad id\u{7}", traceparent: "00-xyz").isEmpty)
        #expect(AskRequest.propagatedHeaders(correlationID: String(repeating: "x", count: 200), traceparent: nil).isEmpty)
        #expect(!AskRequest.isTraceparent("00-00000000000000000000000000000000-00f067aa0ba902b7-01"))
    }

    @Test func generatedIdsAreUnique() {
        let ids = Set((0..<10_000).map { _ in AskRequest.newQuestionID() })
        #expect(ids.count == 10_000)
        #expect(ids.allSatisfy { $0.hasPrefix("gw-") && $0.count == 35 })
    }

    @Test func instanceIdsMakeTopicNames() {
        #expect(GatewayConfiguration.isValidInstanceID("gw-1"))
        #expect(!GatewayConfiguration.isValidInstanceID("bad/id"))
        #expect(!GatewayConfiguration.isValidInstanceID(""))
        #expect(GatewayConfiguration.isValidInstanceID(GatewayConfiguration.defaultInstanceID()))
        #expect(GatewayConfiguration.sanitizedInstanceID("host name/1") == "host-name-1")
        #expect(GatewayConfiguration(brokers: "b", instanceID: "x").replyTopic == "kolbot.gateway.x")
    }
}

@Suite struct EventStreamTests {
    @Test func eachLineOfTheDataIsADataLine() {
        let one = ServerSentEvents.event("answer", data: Array(#"{"text":"a\nb"}"#.utf8))
        #expect(String(decoding: one, as: UTF8.self) == "event: answer\ndata: {\"text\":\"a\\nb\"}\n\n")
        let many = ServerSentEvents.event("answer", data: Array("{\"meta\":{\r\n\"a\":1\n}}".utf8))
        #expect(String(decoding: many, as: UTF8.self) == "event: answer\ndata: {\"meta\":{\ndata: \"a\":1\ndata: }}\n\n")
    }

    @Test func errorBodiesAreJSON() {
        let e = GatewayError(status: 400, code: "invalid_json", message: "a \"quote\" and a\nbreak")
        #expect(e.json == #"{"error":{"code":"invalid_json","message":"a \"quote\" and a\nbreak"}}"#)
    }
}
