import BotService
import Foundation
import KafkaTransport
import Logging

let cliTestLogger: Logger = {
    var l = Logger(label: "cli-test")
    l.logLevel = .warning
    return l
}()

/// Produces records and waits for their acknowledgements.
func produceRecords(_ records: [OutboundMessage], brokers: String, extra: [String: String] = [:]) throws {
    var failures: [String] = []
    let producer = try KafkaProducer(
        configuration: KafkaConfiguration(["bootstrap.servers": brokers, "linger.ms": "5"].merging(extra) { _, n in n }),
        logger: cliTestLogger) { r in if let e = r.error { failures.append("\(e)") } }
    for r in records { try producer.send(r, token: 0) }
    producer.flush(timeoutMs: 30_000)
    producer.close()
    if !failures.isEmpty { throw TestFailure("\(failures.count) records not produced: \(failures.prefix(3))") }
}

/// Reads a topic from the beginning until `until` says enough or `timeout` passes, then until a second passes with
/// nothing new (so late duplicates show); `readCommitted` reads at `read_committed`.
func readRecords(_ topic: String, brokers: String, timeout: TimeInterval, readCommitted: Bool = false,
                 until: ([InboundMessage]) -> Bool) throws -> [InboundMessage] {
    let consumer = try KafkaConsumer(configuration: KafkaConfiguration([
        "bootstrap.servers": brokers, "group.id": "cli-reader-\(UUID().uuidString)", "enable.auto.commit": "false", "fetch.wait.max.ms": "10",
        "isolation.level": readCommitted ? "read_committed" : "read_uncommitted",
    ]), logger: cliTestLogger)
    defer { consumer.close() }
    let partitions = try consumer.partitionCount(of: topic)
    try consumer.assign(Dictionary(uniqueKeysWithValues: (0..<partitions).map { (TopicPartition(topic, Int32($0)), KafkaOffset.beginning) }))
    var messages: [InboundMessage] = []
    let deadline = Date().addingTimeInterval(timeout)
    while !until(messages) && Date() < deadline {
        try consumer.poll(maxMessages: 5000, timeoutMs: 100, into: &messages)
    }
    var quietSince = Date()
    while Date().timeIntervalSince(quietSince) < 1 {
        if try consumer.poll(maxMessages: 5000, timeoutMs: 100, into: &messages) > 0 { quietSince = Date() }
    }
    return messages
}

/// Resident memory of a process, in KiB.
func residentKiB(pid: Int32) -> Int {
    guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
          let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }) else { return -1 }
    return Int(line.split(separator: " ", omittingEmptySubsequences: true)[1]) ?? -1
}
