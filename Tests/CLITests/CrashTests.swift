import Foundation
import Testing

/// SIGKILL the service at random moments under load and restart it; a reader (`kolbot load`) then counts
/// distinct, duplicate and missing answers.
@Suite(.serialized, .timeLimit(.minutes(6))) struct CrashTests {
    struct Outcome {
        var report: String
        var lost: Int
        var duplicates: Int
    }

    /// With `instances` 2, a second member of the group runs throughout and only the first is killed and restarted.
    func crashRun(mode: String, kills: Int, instances: Int = 1, questions: Int = 20_000, users: Int = 500) throws -> Outcome {
        let broker = try TestBroker.start(partitions: 6)
        defer { broker.stop() }
        let serveArgs = ["serve"] + broker.serveArguments + ["--http-port", "0", "--\(mode)", "-X", "session.timeout.ms=6000", "-X", "heartbeat.interval.ms=500",
                         "-X", "fetch.wait.max.ms=10"]
        var serve = try BackgroundProcess.kolbot(serveArgs)
        try serve.waitForLog("partitions assigned")
        let companion = instances > 1 ? try BackgroundProcess.kolbot(serveArgs) : nil
        defer { companion?.stop() }
        if let companion { try companion.waitForLog("partitions assigned", timeout: 40) }
        let load = try BackgroundProcess.kolbot(["load"] + broker.clientArguments + ["--questions", String(questions), "--users", String(users),
                                                 "--rate", "400", "--timeout", "60"])
        defer { load.stop() }
        var generator = SystemRandomNumberGenerator()
        for k in 1...kills {
            usleep(UInt32.random(in: 1_000_000...4_000_000, using: &generator))
            serve.signal(SIGKILL)
            _ = serve.waitForExit(timeout: 5)
            print("[\(mode), \(instances) instance(s)] kill \(k): serve killed")
            serve = try BackgroundProcess.kolbot(serveArgs)
            try serve.waitForLog("partitions assigned", timeout: 40)
        }
        let status = load.waitForExit(timeout: 240)
        serve.stop()
        let out = load.stdout
        func figure(_ name: String) -> Int {
            guard let line = out.split(separator: "\n").first(where: { $0.hasPrefix(name) }) else { return -1 }
            return Int(line.split(separator: " ").last ?? "") ?? -1
        }
        print("[\(mode), \(instances) instance(s)] \(kills) kills, load exit \(String(describing: status))\n\(out)")
        return Outcome(report: out, lost: figure("lost"), duplicates: figure("duplicates"))
    }

    @Test func exactlyOnceSurvivesFiveKills() throws {
        let o = try crashRun(mode: "exactly-once", kills: 5)
        #expect(o.report.contains("answered            20000"))
        #expect(o.lost == 0)
        #expect(o.duplicates == 0)
    }

    @Test func exactlyOnceWithTwoInstancesOneKilled() throws {
        let o = try crashRun(mode: "exactly-once", kills: 5, instances: 2)
        #expect(o.report.contains("answered            20000"))
        #expect(o.lost == 0)
        #expect(o.duplicates == 0)
    }

    @Test func atLeastOnceLosesNothingAcrossFiveKills() throws {
        let o = try crashRun(mode: "at-least-once", kills: 5)
        #expect(o.report.contains("answered            20000"))
        #expect(o.lost == 0)
        #expect(o.duplicates >= 0)
    }
}
