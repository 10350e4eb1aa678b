import Foundation
import Histogram
import KafkaTransport
import Logging

/// Settings of a load test.
public struct LoadOptions: Sendable {
    public var brokers: String
    public var questionsTopic = "kolbot.questions"
    public var answersTopic = "kolbot.answers"
    /// How many questions to send.
    public var questions = 1_000
    /// How many distinct users send them (round robin).
    public var users = 100
    /// Questions per second; nil sends as fast as possible.
    public var rate: Double?
    /// Give up waiting when no new answer arrived for this long, in seconds.
    public var idleTimeout: Double = 30
    /// Question texts, used in turn.
    public var phrases: [String]
    /// librdkafka properties for both clients.
    public var kafka: [String: String] = [:]
    /// Tags this run's question ids, so answers of other runs are told apart.
    public var runID = "load-\(UInt32.random(in: 0...UInt32.max))"

    public init(brokers: String, phrases: [String]) {
        self.brokers = brokers
        self.phrases = phrases
    }
}

/// Progress of a running load test.
public struct LoadProgress: Sendable {
    public var sent: Int
    public var answered: Int
    public var elapsed: Double
}

/// What a load test measured.
public struct LoadReport: Sendable {
    public var sent = 0
    /// Answers to this run's questions, duplicates included.
    public var received = 0
    /// Questions answered at least once.
    public var answered = 0
    /// Answers beyond the first for a question.
    public var duplicates = 0
    /// Questions never answered.
    public var lost: Int { sent - answered }
    /// First answers that arrived before the answer to an earlier question of the same user.
    public var outOfOrder = 0
    public var fallbacks = 0
    public var errors = 0
    /// From the first question sent to the last answer received, in seconds.
    public var elapsed: Double = 0
    /// Question produced to answer consumed, in microseconds.
    public var latency = Histogram<UInt64>(highestTrackableValue: 600_000_000, numberOfSignificantValueDigits: .three)
    /// Some ids of lost questions.
    public var missingSample: [String] = []

    /// Answers per second over ``elapsed``.
    public var throughput: Double { elapsed > 0 ? Double(answered) / elapsed : 0 }

    func percentileMs(_ p: Double) -> Double { Double(latency.valueAtPercentile(p)) / 1000 }

    /// A human-readable report.
    public var text: String {
        func ms(_ v: Double) -> String { String(format: "%.2f ms", v) }
        var lines = [
            "questions sent      \(sent)",
            "answers received    \(received)",
            "answered            \(answered)",
            "lost                \(lost)",
            "duplicates          \(duplicates)",
            "out of order        \(outOfOrder)",
            "fallback answers    \(fallbacks)",
            "error answers       \(errors)",
            String(format: "elapsed             %.2f s", elapsed),
            String(format: "throughput          %.0f answers/s", throughput),
            "latency p50         \(ms(percentileMs(50)))",
            "latency p90         \(ms(percentileMs(90)))",
            "latency p99         \(ms(percentileMs(99)))",
            "latency p99.9       \(ms(percentileMs(99.9)))",
            "latency max         \(ms(Double(latency.max) / 1000))",
        ]
        if !missingSample.isEmpty { lines.append("missing (sample)    \(missingSample.joined(separator: " "))") }
        return lines.joined(separator: "\n")
    }

    /// The CSV header matching ``csvRow``.
    public static let csvHeader = "sent,answered,lost,duplicates,out_of_order,elapsed_s,throughput_per_s,p50_ms,p90_ms,p99_ms,p999_ms,max_ms"

    /// One CSV row of the figures.
    public var csvRow: String {
        String(format: "%d,%d,%d,%d,%d,%.3f,%.1f,%.3f,%.3f,%.3f,%.3f,%.3f", sent, answered, lost, duplicates, outOfOrder, elapsed,
               throughput, percentileMs(50), percentileMs(90), percentileMs(99), percentileMs(99.9), Double(latency.max) / 1000)
    }
}

/// Produces questions from many users, reads the answers back and measures loss, duplicates, order and latency.
public final class LoadGenerator {
    private let options: LoadOptions
    private let logger: Logger

    public init(options: LoadOptions, logger: Logger) {
        precondition(!options.phrases.isEmpty, "a load test needs phrases")
        self.options = options
        self.logger = logger
    }

    /// Runs the test on the calling thread (blocking).
    /// - Parameter progress: called about once a second.
    public func run(progress: ((LoadProgress) -> Void)? = nil) throws -> LoadReport {
        let o = options
        let reader = try AnswerReader(brokers: o.brokers, topic: o.answersTopic, kafka: o.kafka, logger: logger)
        let client: [String: String] = ["bootstrap.servers": o.brokers, "reconnect.backoff.max.ms": "1000"]
        var failed = 0
        let producer = try KafkaProducer(
            configuration: KafkaConfiguration(client.merging(["linger.ms": "5", "enable.idempotence": "true"]) { _, n in n }
                .merging(ServiceConfiguration.producerSubset(of: o.kafka)) { _, n in n }),
            logger: logger) { report in if report.error != nil { failed += 1 } }
        defer { producer.close() }

        var report = LoadReport()
        var sentAt = [UInt64](repeating: 0, count: o.questions)
        var answeredFlags = [Bool](repeating: false, count: o.questions)
        var lastAnswered = [Int](repeating: -1, count: o.users)
        let prefix = o.runID + "-"
        let began = monotonicNs()
        var lastAnswerAt = began
        var lastProgress = began

        func drain(timeoutMs: Int32) throws {
            let answers = try reader.poll(timeoutMs: timeoutMs)
            let now = monotonicNs()
            for answer in answers {
                guard answer.inReplyTo.hasPrefix(prefix),
                      let i = Int(answer.inReplyTo.dropFirst(prefix.count)), i >= 0, i < o.questions, sentAt[i] != 0 else { continue }
                report.received += 1
                if answeredFlags[i] { report.duplicates += 1; continue }
                answeredFlags[i] = true
                report.answered += 1
                lastAnswerAt = now
                if answer.fallback { report.fallbacks += 1 }
                if answer.errorCode != nil { report.errors += 1 }
                let u = i % o.users
                if i < lastAnswered[u] { report.outOfOrder += 1 } else { lastAnswered[u] = i }
                report.latency.record((now - sentAt[i]) / 1000)
            }
            if let progress, now - lastProgress > 1_000_000_000 {
                lastProgress = now
                progress(LoadProgress(sent: report.sent, answered: report.answered, elapsed: Double(now - began) / 1e9))
            }
        }

        for i in 0..<o.questions {
            if let rate = o.rate, rate > 0 {
                let due = began + UInt64(Double(i) / rate * 1e9)
                while monotonicNs() < due {
                    producer.poll(timeoutMs: 0)
                    try drain(timeoutMs: 1)
                }
            }
            let user = "load-user-\(i % o.users)"
            let id = prefix + String(i)
            let value = Question(id: id, user: user, text: o.phrases[i % o.phrases.count]).encoded()
            sentAt[i] = monotonicNs()
            try producer.send(OutboundMessage(topic: o.questionsTopic, key: Array(user.utf8), value: value), token: UInt64(i))
            report.sent += 1
            if i % 256 == 255 {
                producer.poll(timeoutMs: 0)
                try drain(timeoutMs: 0)
            }
        }
        producer.flush(timeoutMs: 30_000)
        let sendingDone = monotonicNs()
        while report.answered < report.sent {
            try drain(timeoutMs: 100)
            if Double(monotonicNs() - max(lastAnswerAt, sendingDone)) / 1e9 > o.idleTimeout { break }
        }
        // Linger briefly to catch duplicates that arrive after the last first answer.
        let settle = monotonicNs()
        while Double(monotonicNs() - settle) / 1e9 < 0.5 { try drain(timeoutMs: 50) }
        report.elapsed = Double(lastAnswerAt - began) / 1e9
        if failed > 0 { logger.error("questions could not be produced", metadata: [LogKey.count: "\(failed)"]) }
        report.missingSample = (0..<o.questions).lazy.filter { !answeredFlags[$0] }.prefix(10).map { prefix + String($0) }
        return report
    }
}

func monotonicNs() -> UInt64 {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec)
}
