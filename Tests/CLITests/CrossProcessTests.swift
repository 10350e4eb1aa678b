import Foundation
import Testing

/// `kolbot broker` (or the external broker), `kolbot serve` and kcat in separate processes, over TCP.
@Suite(.serialized, .timeLimit(.minutes(4))) struct CrossProcessTests {
    @Test func plainTextQuestionsFromKcatAreAnswered() throws {
        let kcat = try #require(which("kcat"), "kcat is needed (apt-get install kcat)")
        let broker = try TestBroker.start(partitions: 3)
        defer { broker.stop() }
        let brokers = broker.bootstrapServers
        let serve = try BackgroundProcess.kolbot(["serve"] + broker.serveArguments + ["--http-port", "0", "-X", "session.timeout.ms=6000", "-X", "fetch.wait.max.ms=10"])
        defer { serve.stop() }
        // Plain text values, key = user: the way `kcat -P -K:` sends them.
        let lines = (0..<30).map { i in "kcat-user-\(i % 5):" + ["apa itu KOL?", "apa itu influencer", "halo"][i % 3] }
        let produced = try runTool(kcat, ["-b", brokers, "-P", "-t", broker.questions, "-K:"], stdin: lines.joined(separator: "\n") + "\n")
        #expect(produced.status == 0, "\(produced.stderr)")
        var answers: [String] = []
        let deadline = Date().addingTimeInterval(60)
        while answers.count < 30 && Date() < deadline {
            let read = try runTool(kcat, ["-b", brokers, "-C", "-t", broker.answers, "-o", "beginning", "-e", "-q", "-f", "%k\t%s\n"])
            answers = read.stdout.split(separator: "\n").map(String.init)
            if answers.count < 30 { usleep(500_000) }
        }
        #expect(answers.count == 30)
        let inReplyTo = Set(answers.compactMap { line -> String? in
            guard let r = line.range(of: "\"in_reply_to\":\"") else { return nil }
            return String(line[r.upperBound...].prefix { $0 != "\"" })
        })
        #expect(inReplyTo.count == 30)
        #expect(answers.allSatisfy { $0.hasPrefix("kcat-user-") })
        serve.signal(SIGTERM)
        #expect(serve.waitForExit(timeout: 10) == 0)
    }
}
