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

/// Resident memory of a process, in KiB.
func residentKiB(pid: Int32) -> Int {
    guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
          let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }) else { return -1 }
    return Int(line.split(separator: " ", omittingEmptySubsequences: true)[1]) ?? -1
}
