import DequeModule

/// Tracks, per partition, the questions whose outbound records are not all acknowledged yet, and yields the
/// offsets that may be stored: a question's offset is stored only when it and every earlier question of its
/// partition are fully acknowledged (at-least-once).
struct OffsetTracker {
    private struct Pending {
        var offset: Int64
        var remaining: Int
    }

    private var partitions: [Int32: Deque<Pending>] = [:]
    /// Offsets ready to store (the next offset to read), by partition.
    private(set) var storable: [Int32: Int64] = [:]
    /// Outbound records not yet acknowledged.
    private(set) var inFlight = 0

    /// Records that question `offset` of `partition` waits for `records` acknowledgements (0: done already).
    mutating func add(partition: Int32, offset: Int64, records: Int) {
        partitions[partition, default: []].append(Pending(offset: offset, remaining: records))
        inFlight += records
        if records == 0 { advance(partition) }
    }

    /// Records one acknowledgement for question `offset` of `partition`.
    mutating func acknowledge(partition: Int32, offset: Int64) {
        // Reports arrive in order as a rule, so the match is almost always at the front. The queue is
        // mutated in place in the dictionary (a copy taken out would be copied again on write).
        guard let i = partitions[partition]?.firstIndex(where: { $0.offset == offset }) else { return }
        partitions[partition]![i].remaining -= 1
        inFlight -= 1
        advance(partition)
    }

    /// Pops the completed questions at the front of `partition` and makes the next offset storable.
    private mutating func advance(_ partition: Int32) {
        var next: Int64?
        while let front = partitions[partition]?.first, front.remaining == 0 {
            next = front.offset + 1
            partitions[partition]!.removeFirst()
        }
        if let next { storable[partition] = next }
    }

    /// Takes the offsets ready to store.
    mutating func takeStorable() -> [Int32: Int64] {
        defer { storable.removeAll(keepingCapacity: true) }
        return storable
    }

    /// Forgets partitions (revoked); returns how many records of theirs were still unacknowledged.
    mutating func remove(partitions removed: [Int32]) -> Int {
        var dropped = 0
        for p in removed {
            if let q = partitions.removeValue(forKey: p) { dropped += q.reduce(0) { $0 + $1.remaining } }
            storable[p] = nil
        }
        inFlight -= dropped
        return dropped
    }

    /// True when `partition` has no unacknowledged question.
    func isIdle(_ partition: Int32) -> Bool { partitions[partition]?.isEmpty ?? true }
}

/// What a produced record is, packed into the 64-bit delivery token:
/// partition (16 bits) | kind (4) | attempt (4) | source offset (40).
struct DeliveryToken: Equatable {
    enum Kind: UInt64 {
        case answer = 0, deadLetter = 1
        /// A changelog record of the state after a question; the question waits for it.
        case state = 2
        /// A record no question waits for (tombstones, state rewritten after a replay).
        case housekeeping = 3
    }

    var partition: Int32
    var kind: Kind
    var attempt: Int
    var offset: Int64

    var raw: UInt64 {
        UInt64(UInt16(truncatingIfNeeded: partition)) << 48 | kind.rawValue << 44 | UInt64(min(attempt, 15)) << 40
            | (UInt64(offset) & 0xFF_FFFF_FFFF)
    }

    init(partition: Int32, kind: Kind, attempt: Int = 0, offset: Int64) {
        self.partition = partition
        self.kind = kind
        self.attempt = attempt
        self.offset = offset
    }

    init(raw: UInt64) {
        partition = Int32(UInt16(truncatingIfNeeded: raw >> 48))
        kind = Kind(rawValue: (raw >> 44) & 0xF) ?? .answer
        attempt = Int((raw >> 40) & 0xF)
        offset = Int64(raw & 0xFF_FFFF_FFFF)
    }
}
