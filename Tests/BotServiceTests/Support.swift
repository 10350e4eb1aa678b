import BotCore
import BotService
import Foundation
import KafkaTransport
import Logging

let testLogger: Logger = {
    var l = Logger(label: "test")
    l.logLevel = .warning
    return l
}()

/// The real knowledge pack of the repository.
let packDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Intents").path

func loadPack() throws -> KnowledgePack { try KnowledgePack.load(directory: packDirectory) }

/// Settings for tests on the mock cluster: short session timeout (rebalances wait session.timeout.ms - 1 s there).
func testConfiguration(_ cluster: MockCluster, group: String = "kolbot") -> ServiceConfiguration {
    var c = ServiceConfiguration(brokers: cluster.bootstrapServers)
    c.groupID = group
    c.kafka = ["session.timeout.ms": "6000", "heartbeat.interval.ms": "500", "fetch.wait.max.ms": ServiceConfiguration.embeddedFetchWaitMs]
    return c
}

/// Produces raw records and waits for their acknowledgement.
func produce(_ records: [OutboundMessage], brokers: String) throws {
    var failures = 0
    let producer = try KafkaProducer(configuration: KafkaConfiguration(["bootstrap.servers": brokers]), logger: testLogger) { r in
        if r.error != nil { failures += 1 }
    }
    for r in records { try producer.send(r, token: 0) }
    producer.flush(timeoutMs: 10_000)
    producer.close()
    precondition(failures == 0, "test records could not be produced")
}

let samplePhrases = [
    "apa itu influencer?", "apa itu KOL?", "apa bedanya influencer dan KOL?", "halo", "what is a key opinion leader?",
    "siapa presiden pertama indonesia?", "terima kasih",
]
