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

@Suite(.serialized, .timeLimit(.minutes(2))) struct GatewayConfigTests {
    @Test func configShowsTheGatewaysSettingsWithSecretsRedacted() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("kolbot-gw-\(UUID().uuidString).yaml")
        defer { try? FileManager.default.removeItem(at: file) }
        try "brokers: file-host:9092\nanswer-timeout: 4\ncors-origins: https://a.example\n".write(to: file, atomically: true, encoding: .utf8)
        let r = try Kolbot.run(["config", "gateway", "--config", file.path, "--port", "9000", "--bridge-token", "tok-flag-secret",
                                "-X", "sasl.password=hunter2-secret"],
                               environment: ["KOLBOT_INSTANCE_ID": "gw-env", "KOLBOT_ANSWER_TIMEOUT": "7"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(setting(r.stdout, "gateway-port") == "9000  (flag --gateway-port)")
        #expect(setting(r.stdout, "instance-id") == "gw-env  (env KOLBOT_INSTANCE_ID)")
        #expect(setting(r.stdout, "answer-timeout") == "7.0  (env KOLBOT_ANSWER_TIMEOUT)")
        #expect(setting(r.stdout, "brokers") == "file-host:9092  (file \(file.path))")
        #expect(setting(r.stdout, "cors-origins") == "https://a.example  (file \(file.path))")
        #expect(setting(r.stdout, "bridge-token") == "[redacted]  (flag --bridge-token)")
        #expect(setting(r.stdout, "kafka.sasl.password") == "[redacted]  (flag -X)")
        #expect(setting(r.stdout, "max-pending") == "10000  (default)")
        #expect(!r.stdout.contains("tok-flag-secret") && !r.stdout.contains("hunter2-secret"))

        let env = try Kolbot.run(["config", "gateway", "--brokers", "b:1"], environment: ["KOLBOT_GATEWAY_PORT": "9100", "KOLBOT_BRIDGE_TOKEN": "tok-env-secret"])
        #expect(setting(env.stdout, "gateway-port") == "9100  (env KOLBOT_GATEWAY_PORT)")
        #expect(setting(env.stdout, "bridge-token") == "[redacted]  (env KOLBOT_BRIDGE_TOKEN)")
        #expect(!env.stdout.contains("tok-env-secret"))
        #expect(setting(env.stdout, "gateway-port") != nil)

        // `kolbot config` alone still shows serve's settings.
        let serve = try Kolbot.run(["config", "--brokers", "b:1"])
        #expect(serve.status == 0)
        #expect(setting(serve.stdout, "group") == "kolbot  (default)")
        #expect(setting(serve.stdout, "gateway-port") == nil)
    }

    @Test(arguments: [
        (["gateway", "--brokers", "b:1", "--answer-timeout", "0"], [String: String](), "answer-timeout"),
        (["gateway", "--brokers", "b:1"], ["KOLBOT_GATEWAY_PORT": "http"], "gateway-port"),
        (["gateway", "--brokers", "b:1", "--instance-id", "no/slashes"], [String: String](), "instance-id"),
        (["gateway", "--brokers", "b:1", "--cors-origins", "elsewhere"], [String: String](), "cors-origins"),
        (["gateway"], [String: String](), "brokers"),
        (["gateway", "--brokers", "b:1", "-X", "no.such.property=1"], [String: String](), "no.such.property"),
    ])
    func anInvalidSettingStopsTheStartWithOneLine(arguments: [String], environment: [String: String], name: String) throws {
        let r = try Kolbot.run(arguments, environment: environment)
        #expect(r.status != 0)
        #expect(r.stderr.contains(name), "\(r.stderr)")
        #expect(r.stderr.split(separator: "\n").count <= 2, "\(r.stderr)")
    }
}
