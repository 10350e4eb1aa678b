import BotCore
@_spi(Testing) import BotService
import Foundation
import KafkaTransport
import Testing
import TestSupport

/// Broker faults injected through the mock cluster's fault API while questions flow: nothing is lost.
@Suite(.serialized, .timeLimit(.minutes(4)), .enabled(if: !TestBroker.isExternal, TestBroker.mockOnlyReason), .heavyIntegration) struct FaultTests {
    struct Run {
        var report: LoadReport
        var faultEndedAt: Date
        var loadStartedAt: Date
    }

    /// Runs `questions` questions at `rate` per second through an in-process worker on a 3-broker cluster,
    /// calling `fault` on another thread; returns the load report.
    func loadWithFault(questions: Int, rate: Double, client: [String: String] = [:], worker configure: (inout ServiceConfiguration) -> Void = { _ in },
                       fault: @escaping @Sendable (MockCluster, AnswerWorker) throws -> Void) async throws -> Run {
        let cluster = try EmbeddedBroker.start(brokers: 3, partitions: 6, topics: ["kolbot.questions", "kolbot.answers", "kolbot.questions.dlq", "kolbot.state"], logger: testLogger)
        var configuration = testConfiguration(cluster)
        configuration.rateLimit = 0
        configure(&configuration)
        let worker = AnswerWorker(configuration: configuration, pack: try loadPack(), logger: testLogger)
        try worker.start()
        var options = LoadOptions(brokers: cluster.bootstrapServers, phrases: samplePhrases)
        options.questions = questions
        options.users = 200
        options.rate = rate
        options.idleTimeout = 40
        options.kafka = client
        let faultEnded = LockedDate()
        let faultThread = Thread {
            do { try fault(cluster, worker) } catch { Issue.record("fault injection failed: \(error)") }
            faultEnded.set(Date())
        }
        let started = Date()
        faultThread.start()
        let report = try LoadGenerator(options: options, logger: testLogger).run()
        while faultEnded.get() == nil { usleep(10_000) }
        worker.stop()
        try await worker.waitUntilFinished()
        if report.lost > 0 {
            // Diagnose: was the lost question produced, and where does it sit?
            let questions = try readTopic("kolbot.questions", brokers: cluster.bootstrapServers, timeout: 10, logger: testLogger) { $0.count >= questions }
            for id in report.missingSample {
                let found = questions.first { String(decoding: $0.value ?? [], as: UTF8.self).contains("\"\(id)\"") }
                print("lost \(id): " + (found.map { "in kolbot.questions[\($0.partition)] at offset \($0.offset)" } ?? "never reached kolbot.questions"))
            }
            let answers = try readTopic("kolbot.answers", brokers: cluster.bootstrapServers, timeout: 10, logger: testLogger) { $0.count >= questions.count }
            for id in report.missingSample {
                let found = answers.contains { String(decoding: $0.value ?? [], as: UTF8.self).contains("\"\(id)\"") }
                print("lost \(id): " + (found ? "answered in kolbot.answers (read_committed reader missed it)" : "no answer in kolbot.answers"))
            }
        }
        return Run(report: report, faultEndedAt: faultEnded.get()!, loadStartedAt: started)
    }

    @Test func brokerDownForTenSecondsLosesNothing() async throws {
        let run = try await loadWithFault(questions: 8_000, rate: 500) { cluster, _ in
            sleep(4)   // the group join takes about 3 s
            try cluster.setBrokerDown(1)
            sleep(10)
            try cluster.setBrokerUp(1)
        }
        print("broker 1 down for 10 s under load: answered \(run.report.answered)/\(run.report.sent), lost \(run.report.lost), duplicates \(run.report.duplicates), error answers \(run.report.errors)")
        #expect(run.report.lost == 0)
        #expect(run.report.answered == 8_000)
        #expect(run.report.errors == 0, "error answers count as answered: none may be an error")
    }

    @Test func leaderMovesAndRequestErrorsLoseNothing() async throws {
        // Both producers (questions and answers) send one request at a time: librdkafka 2.0.2's mock acknowledges
        // a batch it dropped after an injected REQUEST_TIMED_OUT when a later in-flight request succeeds (seen as
        // three questions of one partition answered, acknowledged and absent from the answers topic); with one
        // request in flight the timeout is seen and the batch retried, so the injection on Produce can stay.
        // The real-broker lane runs the service with librdkafka's default of five in flight.
        let oneInFlight = ["max.in.flight.requests.per.connection": "1"]
        let run = try await loadWithFault(questions: 6_000, rate: 1_000, client: oneInFlight,
                                          worker: { $0.kafka.merge(oneInFlight) { _, new in new } }) { cluster, _ in
            sleep(4)
            for p in 0..<6 { try cluster.setLeader(TopicPartition("kolbot.questions", Int32(p)), broker: Int32(1 + (p + 1) % 3)) }
            for p in 0..<6 { try cluster.setLeader(TopicPartition("kolbot.answers", Int32(p)), broker: Int32(1 + (p + 2) % 3)) }
            // Produce (API key 0) answers NOT_LEADER_FOR_PARTITION (6) and REQUEST_TIMED_OUT (7), Fetch (1) too.
            cluster.pushRequestErrors(apiKey: 0, errors: [6, 7, 6])
            cluster.pushRequestErrors(apiKey: 1, errors: [6, 7, 6])
            sleep(1)
        }
        print("leaders moved and request errors injected: answered \(run.report.answered)/\(run.report.sent), lost \(run.report.lost), duplicates \(run.report.duplicates), error answers \(run.report.errors), missing \(run.report.missingSample)")
        #expect(run.report.lost == 0)
        #expect(run.report.answered == 6_000)
        #expect(run.report.errors == 0)
    }

    @Test func fatalProducerErrorRestartsTheTransport() async throws {
        let run = try await loadWithFault(questions: 6_000, rate: 1_000) { _, worker in
            sleep(5)
            worker.simulateFatalProducerError()
        }
        print("fatal producer error mid-load: answered \(run.report.answered)/\(run.report.sent), lost \(run.report.lost), duplicates \(run.report.duplicates), error answers \(run.report.errors)")
        #expect(run.report.lost == 0)
        #expect(run.report.answered == 6_000)
        #expect(run.report.errors == 0)
    }
}

final class LockedDate: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Date?
    func set(_ d: Date) { lock.lock(); value = d; lock.unlock() }
    func get() -> Date? { lock.lock(); defer { lock.unlock() }; return value }
}
