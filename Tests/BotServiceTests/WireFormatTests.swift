import BotCore
import Foundation
import Testing
@testable import BotService

@Suite struct QuestionDecoderTests {
    let decoder = QuestionDecoder()

    func decode(_ value: String?, key: String? = "u1") -> Result<Question, QuestionError> {
        decoder.decode(value: value.map { Array($0.utf8) }, key: key.map { Array($0.utf8) }, defaultID: "q-0-7")
    }

    func code(_ r: Result<Question, QuestionError>) -> QuestionErrorCode? {
        if case .failure(let e) = r { return e.code }
        return nil
    }

    @Test func fullQuestion() throws {
        let q = try decode(#"{"text":"apa itu KOL?","id":"abc","user":"u9","lang":"en","reply_to":"bridge.out","meta":{"a":[1,2,{"b":null}]},"extra":true}"#).get()
        #expect(q == Question(id: "abc", user: "u9", text: "apa itu KOL?", language: .english, replyTo: "bridge.out", meta: Array(#"{"a":[1,2,{"b":null}]}"#.utf8)))
    }

    @Test func defaultsComeFromTheRecord() throws {
        let q = try decode(#"{"text":"halo"}"#).get()
        #expect(q.id == "q-0-7" && q.user == "u1" && q.language == nil && q.meta == nil)
    }

    @Test func plainTextUsesTheKeyAsUser() throws {
        let q = try decode("  apa itu influencer?\n").get()
        #expect(q.text == "apa itu influencer?" && q.user == "u1")
        #expect(code(decode("apa itu influencer?", key: nil)) == .missingUser)
    }

    @Test func escapesAreDecoded() throws {
        let q = try decode(#"{"text":"a\"b\\c\u00e9\ud83d\ude00\n"}"#).get()
        #expect(q.text == "a\"b\\cé😀")
    }

    @Test(arguments: [
        (#"{"text": "x""#, QuestionErrorCode.invalidJSON),
        (#"{"text": "x"} trailing"#, .invalidJSON),
        (#"{"user": "u"}"#, .missingText),
        (#"{"text": "   "}"#, .missingText),
        (#"{"text": 5}"#, .invalidField),
        (#"{"text": "x", "lang": "fr"}"#, .invalidField),
        (#"{"text": "x", "meta": [1]}"#, .invalidField),
        ("", .emptyMessage),
        (" \n\t ", .emptyMessage),
    ])
    func badInput(_ value: String, _ expected: QuestionErrorCode) {
        #expect(code(decode(value)) == expected)
    }

    @Test func nullValueAndInvalidUTF8() {
        #expect(code(decoder.decode(value: nil, key: Array("u".utf8), defaultID: "d")) == .emptyMessage)
        #expect(code(decoder.decode(value: [0x7B, 0xFF, 0x7D], key: Array("u".utf8), defaultID: "d")) == .invalidUTF8)
    }

    @Test func deepNestingIsRefusedWithoutCrashing() {
        let deep = "{\"text\":\"x\",\"meta\":" + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000) + "}"
        #expect(code(decode(deep)) == .invalidField || code(decode(deep)) == .invalidJSON)
        let deepObject = "{\"meta\":" + String(repeating: "{\"a\":", count: 10_000) + "1" + String(repeating: "}", count: 10_000) + "}"
        #expect(code(decode(deepObject)) == .invalidJSON)
    }

    @Test func limitsApply() {
        #expect(code(decode("{\"text\":\"" + String(repeating: "a", count: 5_000) + "\"}")) == .textTooLong)
        #expect(code(decode(String(repeating: "a", count: 70_000))) == .messageTooLarge)
    }

    @Test func controlAndBidiCharactersAreRemoved() throws {
        let q = try decode("{\"text\":\"apa\\u0000 itu\\u202e KOL\\u0007?\"}").get()
        #expect(q.text == "apa itu KOL ?")
        #expect(!q.text.unicodeScalars.contains { $0.value < 0x20 || (0x202A...0x202E).contains($0.value) })
    }

    @Test func errorsKeepWhatCouldBeRead() {
        guard case .failure(let e) = decode(#"{"id":"i1","user":"u5","lang":"en","text":7}"#) else { Issue.record("accepted"); return }
        #expect(e.questionID == "i1" && e.user == "u5")
    }
}

@Suite struct AnswerEncodingTests {
    @Test func answerIsValidJSONWithTheContractFields() throws {
        let reply = Reply(text: "Line \"one\"\nand\ttwo \u{1}", intent: "definition.kol", confidence: 0.87654, language: .english,
                          isFallback: false, suggestions: ["What is an influencer?"], source: "Kantamedia", facts: ["F-kol-1"])
        let answer = Answer(id: "q1:answer", inReplyTo: "q1", user: "u1", reply: reply, meta: Array(#"{"k":"v"}"#.utf8),
                            timestampMs: 1_790_000_000_123)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(answer.encoded())) as? [String: Any])
        #expect(object["id"] as? String == "q1:answer")
        #expect(object["in_reply_to"] as? String == "q1")
        #expect(object["text"] as? String == "Line \"one\"\nand\ttwo \u{1}")
        #expect(object["confidence"] as? Double == 0.877)
        #expect(object["lang"] as? String == "en")
        #expect(object["fallback"] as? Bool == false)
        #expect(object["suggestions"] as? [String] == ["What is an influencer?"])
        #expect((object["meta"] as? [String: Any])?["k"] as? String == "v")
        #expect(object["ts"] as? String == "2026-09-21T14:13:20.123Z")
        #expect(object["error"] == nil)
        let record = try #require(AnswerRecord(json: answer.encoded()))
        #expect(record.inReplyTo == "q1" && record.suggestions == ["What is an influencer?"] && record.errorCode == nil)
    }

    @Test func questionRoundTrips() throws {
        let q = Question(id: "i", user: "u", text: "apa \"itu\"?", language: .indonesian, replyTo: "r", meta: Array("{}".utf8))
        #expect(try QuestionDecoder().decode(value: q.encoded(), key: nil, defaultID: "d").get() == q)
    }
}

@Suite struct OffsetTrackerTests {
    @Test func offsetsAreStoredOnlyWhenAllEarlierQuestionsAreAcknowledged() {
        var t = OffsetTracker()
        t.add(partition: 0, offset: 10, records: 1)
        t.add(partition: 0, offset: 11, records: 2)
        t.add(partition: 0, offset: 12, records: 1)
        t.add(partition: 1, offset: 5, records: 1)
        t.acknowledge(partition: 0, offset: 11)
        t.acknowledge(partition: 0, offset: 12)
        #expect(t.takeStorable().isEmpty)
        t.acknowledge(partition: 0, offset: 10)
        #expect(t.takeStorable() == [0: 11])
        t.acknowledge(partition: 0, offset: 11)
        #expect(t.takeStorable() == [0: 13])
        #expect(t.inFlight == 1)
        #expect(t.remove(partitions: [1]) == 1)
        #expect(t.inFlight == 0)
    }

    @Test func tokensRoundTrip() {
        for token in [DeliveryToken(partition: 0, kind: .answer, offset: 0),
                      DeliveryToken(partition: 255, kind: .deadLetter, attempt: 3, offset: 1 << 39)] {
            #expect(DeliveryToken(raw: token.raw) == token)
        }
    }
}

@Suite struct AnswerEncoderTests {
    /// The encoder keeps the reply-dependent parts of answers encoded; what it writes is byte for byte what a
    /// fresh encoding writes, for every kind of reply (canned, fallbacks naming the unknown, verdicts, errors)
    /// and any confidence.
    @Test func cachedPartsEncodeExactlyLikeFreshOnes() throws {
        let engine = ConversationEngine(pack: try loadPack())
        var encoder = AnswerEncoder()
        var checked = 0
        let texts = samplePhrases + ["Apakah YouTube termasuk platform influencer?", "what is shopee?", "kalau KOL?", "yang kedua?",
                                     "in English please", "contohnya?", "halo", "\"quoted\" \\ back\nslash"]
        for round in 0..<3 {
            for (i, text) in texts.enumerated() {
                let reply = engine.reply(to: text, user: "enc-\(i % 4)", language: round == 2 ? .english : nil, questionId: "q\(round)-\(i)")
                let answer = Answer(id: "a-\(i)", inReplyTo: "q-\(i)", user: "enc-\(i % 4)", reply: reply,
                                    meta: i % 2 == 0 ? Array("{\"k\":1}".utf8) : nil, timestampMs: 1_764_000_000_000 + Int64(round * 100 + i) * 700)
                #expect(encoder.encode(answer) == answer.encoded(), "\(text)")
                var other = answer
                other.reply.confidence = Double(i) / 17
                #expect(encoder.encode(other) == other.encoded())
                checked += 2
            }
        }
        let error = QuestionError(code: .invalidJSON, message: "bad \"json\"", questionID: "x", user: "u")
        let rejected = Answer(rejecting: error, user: "u", timestampMs: 1)
        #expect(encoder.encode(rejected) == rejected.encoded())
        #expect(checked > 40)
    }
}
