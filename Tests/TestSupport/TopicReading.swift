import Foundation
import KafkaTransport
import Logging

/// Reads `topic` from the beginning of every partition until `until` holds or `timeout` passes, then until a
/// second passes with nothing new (at most `timeout` more), so records past the expected ones, such as duplicates,
/// show. `readCommitted` reads at `read_committed`. The reader is closed within 30 s (``close(_:within:logger:)``).
public func readTopic(_ topic: String, brokers: String, timeout: TimeInterval, readCommitted: Bool = false,
                      logger: Logger, until: ([InboundMessage]) -> Bool) throws -> [InboundMessage] {
    let consumer = try KafkaConsumer(configuration: KafkaConfiguration([
        "bootstrap.servers": brokers, "group.id": "test-reader-\(UUID().uuidString)", "enable.auto.commit": "false", "fetch.wait.max.ms": "10",
        "isolation.level": readCommitted ? "read_committed" : "read_uncommitted",
    ]), logger: logger)
    defer { close(consumer, within: 30, logger: logger) }
    let partitions = try consumer.partitionCount(of: topic)
    try consumer.assign(Dictionary(uniqueKeysWithValues: (0..<partitions).map { (TopicPartition(topic, Int32($0)), KafkaOffset.beginning) }))
    var messages: [InboundMessage] = []
    let deadline = Date().addingTimeInterval(timeout)
    while !until(messages) && Date() < deadline {
        try consumer.poll(maxMessages: 5000, timeoutMs: 100, into: &messages)
    }
    let settleDeadline = Date().addingTimeInterval(timeout)
    var quietSince = Date()
    while Date().timeIntervalSince(quietSince) < 1 && Date() < settleDeadline {
        if try consumer.poll(maxMessages: 5000, timeoutMs: 100, into: &messages) > 0 { quietSince = Date() }
    }
    return messages
}

/// Closes `consumer` on a thread of its own, waiting at most `seconds`: librdkafka's close can block for good
/// when a group request is never answered, and a test's reader must not hang its suite. A close that does not
/// return in time is logged and left running. Returns whether the consumer closed.
@discardableResult
public func close(_ consumer: KafkaConsumer, within seconds: TimeInterval, logger: Logger) -> Bool {
    let closed = DispatchSemaphore(value: 0)
    Thread {
        consumer.close()
        closed.signal()
    }.start()
    guard closed.wait(timeout: .now() + seconds) == .success else {
        logger.error("a test reader's consumer did not close within \(seconds) s; left behind")
        return false
    }
    return true
}
