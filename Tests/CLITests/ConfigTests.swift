import Foundation
import Testing

/// The `value  (origin)` of `key` in `kolbot config` output.
private func setting(_ output: String, _ key: String) -> String? {
    for line in output.split(separator: "\n") {
        let parts = line.split(separator: "=", maxSplits: 1)
        if parts.count == 2, parts[0].trimmingCharacters(in: .whitespaces) == key { return parts[1].trimmingCharacters(in: .whitespaces) }
    }
    return nil
}

@Suite(.serialized, .timeLimit(.minutes(2))) struct ConfigTests {
    @Test func configRedactsSecrets() throws {
        let r = try Kolbot.run(["config", "--brokers", "b1:9092", "-X", "sasl.password=hunter2-secret", "-X", "sasl.username=bob",
                                "-X", "security.protocol=SASL_SSL"],
                               environment: ["KOLBOT_KAFKA_SSL_KEY_PASSWORD": "key-secret-42"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(!r.stdout.contains("hunter2-secret") && !r.stderr.contains("hunter2-secret"))
        #expect(!r.stdout.contains("key-secret-42"))
        #expect(setting(r.stdout, "kafka.sasl.password") == "[redacted]  (flag -X)")
        #expect(setting(r.stdout, "kafka.ssl.key.password") == "[redacted]  (env KOLBOT_KAFKA_SSL_KEY_PASSWORD)")
        #expect(setting(r.stdout, "kafka.sasl.username") == "bob  (flag -X)")
    }

    @Test func flagsBeatEnvironmentBeatsFile() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("kolbot-\(UUID().uuidString).yaml")
        try "brokers: file-host:9092\ngroup: file-group\nrate-limit: 7\nkafka:\n  linger.ms: 9\n".write(to: file, atomically: true, encoding: .utf8)
        let r = try Kolbot.run(["config", "--config", file.path, "--group", "flag-group"],
                               environment: ["KOLBOT_GROUP": "env-group", "KOLBOT_RATE_LIMIT": "3", "KOLBOT_KAFKA_LINGER_MS": "4"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(setting(r.stdout, "group") == "flag-group  (flag --group)")
        #expect(setting(r.stdout, "rate-limit") == "3.0  (env KOLBOT_RATE_LIMIT)")
        #expect(setting(r.stdout, "brokers") == "file-host:9092  (file \(file.path))")
        #expect(setting(r.stdout, "kafka.linger.ms") == "4  (env KOLBOT_KAFKA_LINGER_MS)")
    }

    @Test(arguments: [
        (["config", "--max-text-bytes", "0"], [String: String](), "max-text-bytes"),
        (["config"], ["KOLBOT_RATE_LIMIT": "fast"], "rate-limit"),
        (["config"], ["KOLBOT_DELIVERY": "maybe-once"], "delivery"),
        (["config", "-X", "no.such.property=1"], [:], "no.such.property"),
        (["config", "--questions-topic", "bad topic"], [:], "questions-topic"),
        (["serve", "--log-format", "xml"], [:], "log-format"),
        // An empty or malformed brokers setting never falls back to an embedded broker.
        (["serve", "--http-port", "0"], ["KOLBOT_BROKERS": ""], "brokers"),
        (["serve", "--http-port", "0", "--brokers", "kafka-1"], [:], "brokers"),
        (["config", "--brokers", "a:9092,,b:9092"], [:], "brokers"),
        (["serve", "--http-port", "0", "--embedded", "--brokers", "a:9092"], [:], "embedded"),
    ])
    func invalidSettingFailsWithOneLineNamingIt(_ args: [String], _ env: [String: String], _ setting: String) throws {
        let r = try Kolbot.run(args, environment: env)
        #expect(r.status != 0)
        let lines = r.stderr.split(separator: "\n")
        #expect(lines.count == 1, "\(r.stderr)")
        #expect(r.stderr.contains(setting))
    }

    /// Without any brokers setting, serve runs on an embedded broker and says that answers go nowhere outside
    /// the process; with --embedded it was asked for and says nothing.
    @Test(arguments: [false, true]) func anEmbeddedBrokerIsNeverQuiet(asked: Bool) throws {
        let serve = try BackgroundProcess.kolbot(["serve", "--http-port", "0"] + (asked ? ["--embedded"] : []))
        defer { serve.stop() }
        try serve.waitForLog("joined group")
        #expect(serve.stderr.contains("answers go nowhere outside it") == !asked, "\(serve.stderr)")
    }

    /// librdkafka's own error lines (here a TLS handshake against a plaintext listener) show at the default
    /// level, and a line that repeats on every reconnect is not repeated in the log.
    @Test func tlsMisconfigurationIsVisibleAtInfo() throws {
        let broker = try BackgroundProcess.kolbot(["broker", "--partitions", "1"])
        defer { broker.stop() }
        let brokers = try broker.firstLine()
        let serve = try BackgroundProcess.kolbot(["serve", "--brokers", brokers, "--http-port", "0", "-X", "security.protocol=ssl"])
        defer { serve.stop() }
        #expect(serve.waitForExit(timeout: 30) != 0)
        let lines = serve.stderr.split(separator: "\n").filter { $0.contains("SSL handshake failed") }
        #expect(!lines.isEmpty && lines.allSatisfy { $0.contains("level=error") }, "\(serve.stderr)")
        #expect(lines.count <= 2, "repeats not held back: \(lines.count) lines")
    }

    /// A running service with a SASL password set, logging at debug with librdkafka's config dump: the
    /// password appears nowhere in its output.
    @Test func serviceLogsNeverShowThePassword() throws {
        let broker = try BackgroundProcess.kolbot(["broker", "--partitions", "2"])
        defer { broker.stop() }
        let brokers = try broker.firstLine()
        let secret = "pw-\(UUID().uuidString)"
        let serve = try BackgroundProcess.kolbot(["serve", "--brokers", brokers, "--http-port", "0", "--log-level", "debug", "--log-format", "json",
                                                  "-X", "sasl.password=\(secret)", "-X", "sasl.username=kolbot", "-X", "debug=conf,generic",
                                                  "-X", "session.timeout.ms=6000"],
                                                 environment: ["KOLBOT_KAFKA_SSL_KEY_PASSWORD": secret])
        defer { serve.stop() }
        try serve.waitForLog("partitions assigned")
        serve.signal(SIGTERM)
        #expect(serve.waitForExit(timeout: 10) == 0)
        #expect(serve.stderr.contains("sasl.password"))   // librdkafka's dump names it...
        #expect(!serve.stderr.contains(secret))           // ...but never shows it
        #expect(!serve.stdout.contains(secret))
        // Every log line is one JSON object.
        for line in serve.stderr.split(separator: "\n") {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            #expect(object?["msg"] != nil && object?["level"] != nil, "\(line)")
        }
    }
}
