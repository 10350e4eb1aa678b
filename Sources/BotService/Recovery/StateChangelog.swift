import BotCore
import KafkaTransport
import Logging

/// Keeps the conversation state of the users of this instance's partitions in a compacted changelog topic,
/// as Kafka Streams does with its stores: one record per answered question (key: user, value: the encoded
/// state, partition: the question's, headers: the question's partition and offset), a tombstone when a user
/// expires. On assignment the partition is read back (newest record per user wins, since the mock cluster does
/// not compact) before any question of it is answered; on revocation its users are dropped.
///
/// A restored record also tells which questions were answered: its `kolbot.source.offset` header names the
/// question its state follows, and a user's questions are read in order from one partition, so a question of
/// that user at or before that offset, read again after a crash or a rewind, is not answered twice, however
/// many questions of the user came in between (question ids only cover the last few).
struct StateChangelog {
    let topic: String
    private var users: [String: UserPosition] = [:]

    /// Where a user's questions are read, and through which offset the restored state has answered them.
    private struct UserPosition {
        var partition: Int32
        var answeredThrough: Int64 = -1
    }

    init(topic: String) {
        self.topic = topic
    }

    /// The record holding `user`'s state after answering the question at `position`.
    mutating func record(for user: String, state: ConversationState, position: PartitionOffset) -> OutboundMessage {
        users[user, default: UserPosition(partition: position.partition)].partition = position.partition
        return OutboundMessage(topic: topic, partition: position.partition, key: Array(user.utf8), value: state.encoded(),
                               headers: position.headers)
    }

    /// Tombstones for users the engine no longer remembers (expired or evicted); forgets them.
    mutating func tombstones(keeping engine: ConversationEngine) -> [OutboundMessage] {
        var result: [OutboundMessage] = []
        for (user, position) in users where !engine.remembers(user) {
            result.append(OutboundMessage(topic: topic, partition: position.partition, key: Array(user.utf8), value: nil))
            users[user] = nil
        }
        return result
    }

    /// Drops the users of revoked partitions from the engine; returns how many.
    mutating func drop(partitions: Set<Int32>, from engine: ConversationEngine) -> Int {
        var dropped = 0
        for (user, position) in users where partitions.contains(position.partition) {
            engine.forget(user: user)
            users[user] = nil
            dropped += 1
        }
        return dropped
    }

    /// Restores the users of `partitions` from the changelog into `engine` (newest record per user wins).
    /// - Returns: the users restored, and per partition the source offset of its newest record.
    mutating func restore(partitions: [Int32], reader: TopicReader, into engine: ConversationEngine) throws -> (users: Int, sourceOffsets: [Int32: Int64]) {
        var newest: [String: (partition: Int32, value: [UInt8]?, source: Int64)] = [:]
        var sourceOffsets: [Int32: Int64] = [:]
        try reader.readAll(topic: topic, partitions: partitions) { record in
            guard let key = record.key else { return }
            let source = PartitionOffset(sourceOf: record)?.offset ?? -1
            newest[String(decoding: key, as: UTF8.self)] = (record.partition, record.value, source)
            sourceOffsets[record.partition] = max(sourceOffsets[record.partition] ?? -1, source)
        }
        var restored = 0
        for (user, entry) in newest {
            guard let value = entry.value, let state = try? ConversationState(encoded: value) else { continue }
            engine.restore(state, for: user)
            // restore() keeps an expired state out: nothing to remember.
            guard engine.remembers(user) else { continue }
            users[user] = UserPosition(partition: entry.partition, answeredThrough: entry.source)
            restored += 1
        }
        return (restored, sourceOffsets)
    }

    /// Remembers that `user`'s question at `position` went through the core again (a replay).
    mutating func replayed(_ user: String, position: PartitionOffset) {
        users[user] = UserPosition(partition: position.partition, answeredThrough: position.offset)
    }

    /// True when `user`'s question at `position` is at or before the last question the restored state answered.
    func answered(_ user: String, position: PartitionOffset) -> Bool {
        guard let known = users[user] else { return false }
        return known.partition == position.partition && position.offset <= known.answeredThrough
    }

    var userCount: Int { users.count }
}
