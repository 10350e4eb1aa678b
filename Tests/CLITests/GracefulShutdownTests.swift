import Foundation
import Testing
import TestSupport

@Suite(.serialized, .timeLimit(.minutes(4)), .heavyIntegration) struct GracefulShutdownTests {
    /// SIGTERM during load: the service drains, commits, leaves the group and exits 0 within 10 s; after a
    /// restart no question of the load is left unanswered.
    @Test func sigtermDuringLoadLosesNothing() throws {
        let broker = try BackgroundProcess.kolbot(["broker", "--partitions", "4"])
        defer { broker.stop() }
        let brokers = try broker.firstLine()
        let serveArgs = ["serve", "--brokers", brokers, "--http-port", "0", "-X", "session.timeout.ms=6000", "-X", "fetch.wait.max.ms=10"]
        let first = try BackgroundProcess.kolbot(serveArgs)
        defer { first.stop() }
        try first.waitForLog("partitions assigned")
        let load = try BackgroundProcess.kolbot(["load", "--brokers", brokers, "--questions", "6000", "--users", "300",
                                                 "--rate", "1500", "--timeout", "40"])
        defer { load.stop() }
        usleep(1_500_000)
        let stopAsked = Date()
        first.signal(SIGTERM)
        let status = first.waitForExit(timeout: 10)
        let took = Date().timeIntervalSince(stopAsked)
        #expect(status == 0, "exit status \(String(describing: status)); stderr: \(first.stderr.suffix(1500))")
        #expect(took < 10)
        #expect(first.stderr.contains("stopped"))
        print("serve stopped \(String(format: "%.2f", took)) s after SIGTERM")

        let second = try BackgroundProcess.kolbot(serveArgs)
        defer { second.stop() }
        #expect(load.waitForExit(timeout: 120) == 0, "load failed: \(load.stdout) \(load.stderr.suffix(1000))")
        print(load.stdout)
        #expect(load.stdout.contains("questions sent      6000"))
        #expect(load.stdout.contains("lost                0"))
    }
}
