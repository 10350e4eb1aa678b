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
        // A partition's pending offsets increase from front to back: binary search. The queue is mutated in
        // place in the dictionary (a copy taken out would be copied again on write).
        guard let i = partitions[partition].flatMap({ Self.index(of: offset, in: $0) }) else { return }
        partitions[partition]![i].remaining -= 1
        inFlight -= 1
        if i == partitions[partition]!.startIndex { advance(partition) }
    }

    private static func index(of offset: Int64, in queue: Deque<Pending>) -> Int? {
        var low = queue.startIndex
        var high = queue.endIndex
        while low < high {
            let mid = low + (high - low) / 2
            if queue[mid].offset < offset { low = mid + 1 } else { high = mid }
        }
        return low < queue.endIndex && queue[low].offset == offset ? low : nil
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

