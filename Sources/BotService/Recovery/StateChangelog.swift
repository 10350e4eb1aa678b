import BotCore
import KafkaTransport
import Logging

/// Keeps the conversation state of the users of this instance's partitions in a compacted changelog topic,
/// as Kafka Streams does with its stores: one record per answered question (key: user, value: the encoded
/// state, partition: the question's, headers: the question's partition and offset), a tombstone when a user
/// expires. On assignment the partition is read back (newest record per user wins, since the mock cluster does
/// not compact) before any question of it is answered; on revocation its users are dropped.
struct StateChangelog {
    let topic: String
    private var partitionOfUser: [String: Int32] = [:]

    init(topic: String) {
        self.topic = topic
    }

    /// The record holding `user`'s state after answering the question at `position`.
    mutating func record(for user: String, state: ConversationState, position: PartitionOffset) -> OutboundMessage {
        partitionOfUser[user] = position.partition
        return OutboundMessage(topic: topic, partition: position.partition, key: Array(user.utf8), value: state.encoded(),
                               headers: position.headers)
    }

    /// Tombstones for users the engine no longer remembers (expired or evicted); forgets them.
    mutating func tombstones(keeping engine: ConversationEngine) -> [OutboundMessage] {
        var result: [OutboundMessage] = []
        for (user, partition) in partitionOfUser where !engine.remembers(user) {
            result.append(OutboundMessage(topic: topic, partition: partition, key: Array(user.utf8), value: nil))
            partitionOfUser[user] = nil
        }
        return result
    }

    /// Drops the users of revoked partitions from the engine; returns how many.
    mutating func drop(partitions: Set<Int32>, from engine: ConversationEngine) -> Int {
        var dropped = 0
        for (user, partition) in partitionOfUser where partitions.contains(partition) {
            engine.forget(user: user)
            partitionOfUser[user] = nil
            dropped += 1
        }
        return dropped
    }

    /// Restores the users of `partitions` from the changelog into `engine` (newest record per user wins).
    /// - Returns: the users restored, and per partition the source offset of its newest record.
    mutating func restore(partitions: [Int32], reader: TopicReader, into engine: ConversationEngine) throws -> (users: Int, sourceOffsets: [Int32: Int64]) {
        var newest: [String: (partition: Int32, value: [UInt8]?)] = [:]
        var sourceOffsets: [Int32: Int64] = [:]
        try reader.readAll(topic: topic, partitions: partitions) { record in
            guard let key = record.key else { return }
            newest[String(decoding: key, as: UTF8.self)] = (record.partition, record.value)
            if let source = PartitionOffset(sourceOf: record) { sourceOffsets[record.partition] = max(sourceOffsets[record.partition] ?? -1, source.offset) }
        }
        var restored = 0
        for (user, entry) in newest {
            guard let value = entry.value, let state = try? ConversationState(encoded: value) else { continue }
            engine.restore(state, for: user)
            // restore() keeps an expired state out: nothing to remember.
            guard engine.remembers(user) else { continue }
            partitionOfUser[user] = entry.partition
            restored += 1
        }
        return (restored, sourceOffsets)
    }

    /// Remembers that `user` lives on `partition` (after a replay).
    mutating func note(_ user: String, partition: Int32) {
        partitionOfUser[user] = partition
    }

    var userCount: Int { partitionOfUser.count }
}
