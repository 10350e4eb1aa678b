import BotService
import Foundation
import KafkaTransport
import Testing
import TestSupport

/// 10,000 bad messages interleaved with 10,000 good ones against `kolbot serve` in its own process.
@Suite(.serialized, .timeLimit(.minutes(4)), .heavyIntegration) struct HostileInputTests {
    static let phrases = ["apa itu KOL?", "apa itu influencer?", "bedanya apa?", "halo", "what is a KOL?", "contohnya apa?"]

    /// One bad record of kind `b` for the questions topic `q`, from user `bad-*` (or none).
    static func badRecord(_ b: Int, topic q: String) -> OutboundMessage {
        let key = Array("bad-\(b % 500)".utf8)
        func json(_ s: String) -> [UInt8] { Array(s.utf8) }
        if b % 2500 == 7 { return OutboundMessage(topic: q, key: key, value: [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)) }
        // Large kinds are rare: the mock broker keeps only about 5 MiB per partition.
        if b % 100 == 2 {
            return OutboundMessage(topic: q, key: key, value: json("{\"text\":\"x\",\"meta\":" + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000) + "}"))
        }
        if b % 50 == 13 { return OutboundMessage(topic: q, key: key, value: json(String(repeating: "kol ", count: 1_100))) }
        if b % 500 == 3 {
            let meta = "{\"blob\":\"" + String(repeating: "m", count: 100_000) + "\"}"
            return OutboundMessage(topic: q, key: key, value: json("{\"text\":\"halo\",\"meta\":\(meta)}"))
        }
        switch b % 14 {
        case 0: return OutboundMessage(topic: q, key: key, value: [0x7B, 0x22, 0xFF, 0xFE, 0x22, 0x7D])
        case 1: return OutboundMessage(topic: q, key: key, value: (0..<64).map { UInt8(0x80 + $0) } + [0])
        case 2: return OutboundMessage(topic: q, key: key, value: json("{\"text\": \"apa itu"))
        case 3: return OutboundMessage(topic: q, key: key, value: [])
        case 4: return OutboundMessage(topic: q, key: key, value: json("  \n\t  "))
        case 5: return OutboundMessage(topic: q, key: key, value: nil)
        case 6: return OutboundMessage(topic: q, key: nil, value: json("{\"text\":\"halo\"}"))
        case 7: return OutboundMessage(topic: q, key: key, value: json("{\"text\":[\"a\"],\"user\":5}"))
        case 8: return OutboundMessage(topic: q, key: key, value: json("{\"text\":\"apa itu KOL?\",\"zzz\":{\"a\":[1,2,{}]},\"n\":1.5e3,\"t\":true}"))
        case 9: return OutboundMessage(topic: q, key: key, value: json("{\"text\":\"apa itu \\u202e KOL\\u0000?\\u0007\\u001b[31m\"}"))
        case 10: return OutboundMessage(topic: q, key: key, value: json("{\"text\":\"halo\",\"reply_to\":\"no.such.topic\"}"))
        case 11: return OutboundMessage(topic: q, key: key, value: json("{\"text\":\"halo\",\"reply_to\":\"\(q)\"}"))
        case 12: return OutboundMessage(topic: q, key: json("flooder"), value: json("apa itu KOL?"))
        default: return OutboundMessage(topic: q, key: key, value: json("{\"text\":\"halo\",\"lang\":\"fr\",\"meta\":[1]}"))
        }
    }

    @Test func badMessagesAreAccountedForAndGoodOnesAnswered() throws {
        let broker = try TestBroker.start(partitions: 6)
        defer { broker.stop() }
        let brokers = broker.bootstrapServers
        let serve = try BackgroundProcess.kolbot(["serve"] + broker.serveArguments + ["--http-port", "0", "-X", "session.timeout.ms=6000", "-X", "fetch.wait.max.ms=10"])
        defer { serve.stop() }
        try serve.waitForLog("partitions assigned")
        let rssStart = residentKiB(pid: serve.process.processIdentifier)

        var records: [OutboundMessage] = []
        for j in 0..<20_000 {
            let i = j / 2
            if j % 2 == 0 {
                let user = "good-\(i % 1000)"
                let question = Question(id: "good-\(i)", user: user, text: Self.phrases[i % Self.phrases.count])
                records.append(OutboundMessage(topic: broker.questions, key: Array(user.utf8), value: question.encoded()))
            } else {
                records.append(Self.badRecord(i, topic: broker.questions))
            }
        }
        try produceRecords(records, brokers: brokers, extra: ["message.max.bytes": "2000000"])

        let questions = try readTopic(broker.questions, brokers: brokers, timeout: 30, logger: cliTestLogger) { $0.count >= 20_000 }
        #expect(questions.count == 20_000)
        let all = Set(questions.map { "\($0.partition)/\($0.offset)" })
        let created = Dictionary(questions.map { ("\($0.partition)/\($0.offset)", $0.timestampMs ?? 0) }) { a, _ in a }

        func accounted(_ answers: [InboundMessage], _ dead: [InboundMessage]) -> Set<String> {
            var seen = Set<String>()
            for a in answers { seen.insert("\(a.header("kolbot.source.partition")?.stringValue ?? "")/\(a.header("kolbot.source.offset")?.stringValue ?? "")") }
            for d in dead { seen.insert("\(d.header("original.partition")?.stringValue ?? "")/\(d.header("original.offset")?.stringValue ?? "")") }
            return seen
        }
        var answers: [InboundMessage] = []
        var dead: [InboundMessage] = []
        let deadline = Date().addingTimeInterval(90)
        repeat {
            answers = try readTopic(broker.answers, brokers: brokers, timeout: 5, logger: cliTestLogger) { _ in false }
            dead = try readTopic(broker.deadLetters, brokers: brokers, timeout: 2, logger: cliTestLogger) { _ in false }
        } while !all.isSubset(of: accounted(answers, dead)) && Date() < deadline
        let rssEnd = residentKiB(pid: serve.process.processIdentifier)

        let missing = all.subtracting(accounted(answers, dead))
        #expect(missing.isEmpty, "\(missing.count) questions neither answered nor dead-lettered")
        let parsed = answers.compactMap { a in a.value.flatMap(AnswerRecord.init(json:)).map { (a, $0) } }
        let good = parsed.filter { $0.1.inReplyTo.hasPrefix("good-") }
        #expect(good.count == 10_000, "good answers: \(good.count)")
        #expect(Set(good.map { $0.1.inReplyTo }).count == 10_000)
        #expect(good.allSatisfy { $0.1.errorCode == nil })
        #expect(parsed.allSatisfy { !$0.1.text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" || (0x202A...0x202E).contains($0.value) } })
        let codes = Dictionary(grouping: dead.compactMap { $0.header("error.code")?.stringValue }, by: { $0 }).mapValues(\.count)
        let rateLimited = parsed.filter { $0.1.errorCode == "rate_limited" }.count
        #expect(rateLimited > 0)
        #expect(serve.process.isRunning)

        var latencies = good.compactMap { (record, _) -> Int64? in
            guard let p = record.header("kolbot.source.partition")?.stringValue, let o = record.header("kolbot.source.offset")?.stringValue,
                  let sent = created["\(p)/\(o)"], let answered = record.timestampMs else { return nil }
            return answered - sent
        }.sorted()
        if latencies.isEmpty { latencies = [0] }
        print("hostile input: 20000 records (10000 good, 10000 bad); answers \(answers.count), dead letters \(dead.count), rate-limited \(rateLimited)")
        print("dead letters by code: \(codes.sorted { $0.key < $1.key })")
        print("good answers: \(good.count), question-to-answer latency (produce timestamps) p50 \(latencies[latencies.count / 2]) ms, p99 \(latencies[latencies.count * 99 / 100]) ms")
        print("serve resident memory: start \(rssStart / 1024) MiB, end \(rssEnd / 1024) MiB")
        #expect(rssEnd - rssStart < 256 * 1024, "memory grew by \((rssEnd - rssStart) / 1024) MiB")
    }
}
