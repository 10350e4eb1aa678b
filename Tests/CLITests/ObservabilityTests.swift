import BotService
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import KafkaTransport
import Testing
import TestSupport

/// Runs a Python script with Debian's Python (`.ci/run` installs `python3-jsonschema` and `python3-selenium` for
/// it), or the first `python3` on the PATH where there is none.
func runPython(_ arguments: [String], timeout: TimeInterval = 60) throws -> (status: Int32, stdout: String, stderr: String) {
    FileManager.default.isExecutableFile(atPath: "/usr/bin/python3")
        ? try runTool("/usr/bin/python3", arguments, timeout: timeout) : try runTool("/usr/bin/env", ["python3"] + arguments, timeout: timeout)
}

/// A free TCP port on localhost (bound and released).
func freePort() -> Int {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(fd) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = 0
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    _ = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) } }
    _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) } }
    return Int(UInt16(bigEndian: address.sin_port))
}

/// GET http://127.0.0.1:port/path; nil when nothing answers.
func httpGet(_ port: Int, _ path: String) -> (status: Int, body: String)? {
    let done = DispatchSemaphore(value: 0)
    nonisolated(unsafe) var result: (Int, String)?
    let task = URLSession.shared.dataTask(with: URL(string: "http://127.0.0.1:\(port)\(path)")!) { data, response, _ in
        if let r = response as? HTTPURLResponse { result = (r.statusCode, String(decoding: data ?? Data(), as: UTF8.self)) }
        done.signal()
    }
    task.resume()
    _ = done.wait(timeout: .now() + 5)
    return result
}

/// Polls `condition` every 100 ms until it holds; false on timeout.
func waitFor(timeout: TimeInterval, _ condition: () -> Bool) -> Bool {
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
        if condition() { return true }
        usleep(100_000)
    }
    return false
}

/// Polls `path` until it answers `status`; returns the seconds it took, or nil on timeout.
func waitForStatus(_ port: Int, _ path: String, _ status: Int, timeout: TimeInterval) -> Double? {
    let start = Date()
    while Date().timeIntervalSince(start) < timeout {
        if httpGet(port, path)?.status == status { return Date().timeIntervalSince(start) }
        usleep(100_000)
    }
    return nil
}

/// The value of a Prometheus sample line `name{labels} value` (summed over label sets when `labels` is nil).
func metric(_ text: String, _ name: String, _ labels: String? = nil) -> Double {
    var total = 0.0
    for line in text.split(separator: "\n") where !line.hasPrefix("#") {
        let parts = line.split(separator: " ")
        guard parts.count == 2 else { continue }
        let series = String(parts[0])
        let matches = labels.map { series == "\(name){\($0)}" } ?? (series == name || series.hasPrefix(name + "{"))
        if matches { total += Double(parts[1]) ?? 0 }
    }
    return total
}

@Suite(.serialized, .timeLimit(.minutes(4)), .enabled(if: !TestBroker.isExternal, TestBroker.mockOnlyReason), .heavyIntegration) struct ObservabilityTests {
    @Test func metricsCountExactlyWhatWasSentAndReadinessFollowsTheBroker() throws {
        let broker = try BackgroundProcess.kolbot(["broker", "--partitions", "3"], stdin: true)
        defer { broker.stop() }
        let brokers = try broker.firstLine()
        let port = freePort()
        let serve = try BackgroundProcess.kolbot(["serve", "--brokers", brokers, "--http-port", String(port),
                                                  "-X", "session.timeout.ms=6000", "-X", "fetch.wait.max.ms=10", "-X", "statistics.interval.ms=1000"])
        defer { serve.stop() }
        #expect(waitForStatus(port, "/health/live", 200, timeout: 20) != nil)
        let readyAfter = waitForStatus(port, "/health/ready", 200, timeout: 20)
        #expect(readyAfter != nil)
        print("ready \(String(format: "%.1f", readyAfter ?? -1)) s after live")
        // The assignment is reported, not required for readiness.
        #expect(waitFor(timeout: 20) { httpGet(port, "/health")?.body.contains("\"assigned_partitions\":3") == true },
                "assignment not reported in /health: \(httpGet(port, "/health")?.body ?? "")")

        var records: [OutboundMessage] = []
        for i in 0..<40 {
            let q = Question(id: "m-\(i)", user: "metrics-user-\(i)", text: ["apa itu KOL?", "what is an influencer?", "siapa presiden?"][i % 3])
            records.append(OutboundMessage(topic: "kolbot.questions", key: Array(q.user.utf8), value: q.encoded()))
        }
        for i in 0..<5 { records.append(OutboundMessage(topic: "kolbot.questions", key: Array("bad-\(i)".utf8), value: Array("{oops".utf8))) }
        for i in 0..<3 { records.append(OutboundMessage(topic: "kolbot.questions", key: Array("null-\(i)".utf8), value: nil)) }
        try produceRecords(records, brokers: brokers)
        let answers = try readTopic("kolbot.answers", brokers: brokers, timeout: 30, logger: cliTestLogger) { $0.count >= 48 }
        #expect(answers.count == 48)

        let text = httpGet(port, "/metrics")?.body ?? ""
        #expect(metric(text, "kolbot_questions_total") == 48)
        #expect(metric(text, "kolbot_answers_total") == 40)
        #expect(metric(text, "kolbot_errors_total", "code=\"invalid_json\"") == 5)
        #expect(metric(text, "kolbot_errors_total", "code=\"empty_message\"") == 3)
        #expect(metric(text, "kolbot_errors_total") == 8)
        #expect(metric(text, "kolbot_dead_letters_total") == 8)
        #expect(metric(text, "kolbot_answer_latency_seconds_count") == 40)
        #expect(metric(text, "kolbot_assigned_partitions") == 3)
        // Conversation state is measured (users and their bytes), at most 5 s late.
        let stateMeasured = waitFor(timeout: 10) {
            let t = httpGet(port, "/metrics")?.body ?? ""
            return metric(t, "kolbot_users_in_memory") == 40 && metric(t, "kolbot_state_bytes") > 0
        }
        #expect(stateMeasured, "users or state bytes not reported: \(httpGet(port, "/metrics")?.body.split(separator: "\n").filter { $0.contains("state_bytes") || $0.contains("users_in") } ?? [])")
        #expect(metric(text, "kolbot_rebalances_total") >= 1)
        #expect(text.contains("kolbot_answers_total{intent="))

        // Answers validate against the JSON Schema of the contract.
        let dump = FileManager.default.temporaryDirectory.appendingPathComponent("answers-\(UUID().uuidString).jsonl")
        try answers.map { String(decoding: $0.value ?? [], as: UTF8.self) }.joined(separator: "\n").write(to: dump, atomically: true, encoding: .utf8)
        let validation = try runPython(["Tests/scripts/validate-answers.py", "Deploy/schema/answer.schema.json", dump.path])
        #expect(validation.status == 0, "\(validation.stdout) \(validation.stderr)")
        print(validation.stdout.trimmingCharacters(in: .whitespacesAndNewlines))

        // A broker outage makes the service unready; it recovers by itself.
        broker.write("down 1")
        let downAfter = waitForStatus(port, "/health/ready", 503, timeout: 30)
        #expect(downAfter != nil, "still ready during the outage")
        broker.write("up 1")
        let upAfter = waitForStatus(port, "/health/ready", 200, timeout: 40)
        #expect(upAfter != nil, "not ready again after the outage")
        print("unready \(String(format: "%.1f", downAfter ?? -1)) s after the broker went down; ready \(String(format: "%.1f", upAfter ?? -1)) s after it came back")
        #expect(serve.stderr.contains("brokers unreachable"))
        #expect(serve.stderr.contains("brokers reachable again"))
    }

    /// With more instances than partitions, the extra one holds none and is still ready: a rolling update
    /// (maxUnavailable 0) must not stall on it.
    @Test func anInstanceWithoutPartitionsIsReady() throws {
        let broker = try BackgroundProcess.kolbot(["broker", "--partitions", "1"])
        defer { broker.stop() }
        let brokers = try broker.firstLine()
        let (portA, portB) = (freePort(), freePort())
        let flags = ["-X", "session.timeout.ms=6000", "-X", "fetch.wait.max.ms=10"]
        let a = try BackgroundProcess.kolbot(["serve", "--brokers", brokers, "--http-port", String(portA)] + flags)
        defer { a.stop() }
        #expect(waitFor(timeout: 20) { httpGet(portA, "/health")?.body.contains("\"assigned_partitions\":1") == true })
        let b = try BackgroundProcess.kolbot(["serve", "--brokers", brokers, "--http-port", String(portB)] + flags)
        defer { b.stop() }
        #expect(waitForStatus(portB, "/health/ready", 200, timeout: 20) != nil, "an instance without partitions is not ready")
        // Once the group has settled (the mock delays a rebalance by session.timeout.ms - 1 s), one holds the partition.
        usleep(12_000_000)
        let details = [httpGet(portA, "/health")?.body ?? "", httpGet(portB, "/health")?.body ?? ""]
        print("health after the second instance joined: \(details.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) })")
        #expect(details.filter { $0.contains("\"assigned_partitions\":1") }.count == 1)
        #expect(details.filter { $0.contains("\"assigned_partitions\":0") }.count == 1)
        #expect(httpGet(portA, "/health/ready")?.status == 200 && httpGet(portB, "/health/ready")?.status == 200)
    }
}
