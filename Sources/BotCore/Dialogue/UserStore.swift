/// Per-user memories with O(1) lookup, least-recently-active eviction beyond a cap, and expiry
/// after idle time. Records live in one array linked into a recency list (most recent at the head).
struct UserStore {
    private struct Slot {
        var user: String
        var memory: UserMemory
        var newer: Int32
        var older: Int32
    }

    private var slotOf: [String: Int32] = [:]
    private var slots: [Slot] = []
    private var freeSlots: [Int32] = []
    private var newest: Int32 = -1
    private var oldest: Int32 = -1
    let capacity: Int
    let idleExpiry: Double

    init(capacity: Int, idleExpiry: Double) {
        self.capacity = max(1, capacity)
        self.idleExpiry = idleExpiry
    }

    /// Users currently remembered.
    var count: Int { slotOf.count }

    /// The bytes the store holds: its slot array, its index (key, value and a control byte per bucket) and user
    /// ids too long to be stored inline in a String (more than 15 UTF-8 bytes).
    var approximateBytes: Int {
        let index = slotOf.capacity * (MemoryLayout<String>.stride + MemoryLayout<Int32>.stride + 1)
        let outOfLine = slotOf.keys.reduce(0) { $0 + ($1.utf8.count > 15 ? $1.utf8.count + 32 : 0) }
        return slots.capacity * MemoryLayout<Slot>.stride + index + freeSlots.capacity * MemoryLayout<Int32>.stride + outOfLine
    }

    /// The memory of `user` if present and not idle for longer than the expiry at `now`.
    func memory(of user: String, now: Double) -> UserMemory? {
        guard let slot = slotOf[user] else { return nil }
        let memory = slots[Int(slot)].memory
        return now - memory.lastActivity > idleExpiry ? nil : memory
    }

    /// The slot of `user` (for ``store(_:for:at:)``) and its memory when not idle for longer than the expiry
    /// at `now`: one lookup of the user id for both.
    func find(_ user: String, now: Double) -> (slot: Int32?, memory: UserMemory?) {
        guard let slot = slotOf[user] else { return (nil, nil) }
        let memory = slots[Int(slot)].memory
        return (slot, now - memory.lastActivity > idleExpiry ? nil : memory)
    }

    /// Stores `memory` for `user`, whose slot ``find(_:now:)`` returned (nil: a new user), without looking the
    /// user id up again. Nothing may change the store in between.
    mutating func store(_ memory: UserMemory, for user: String, at slot: Int32?) {
        guard let slot else { return store(memory, for: user) }
        slots[Int(slot)].memory = memory
        unlink(slot)
        linkNewest(slot)
    }

    /// Stores `memory` for `user` as the most recently active, evicting the least recently active beyond the cap.
    mutating func store(_ memory: UserMemory, for user: String) {
        if let slot = slotOf[user] {
            slots[Int(slot)].memory = memory
            unlink(slot)
            linkNewest(slot)
            return
        }
        if slotOf.count >= capacity, oldest >= 0 { remove(slot: oldest) }
        let slot: Int32
        if let free = freeSlots.popLast() {
            slot = free
            slots[Int(slot)] = Slot(user: user, memory: memory, newer: -1, older: -1)
        } else {
            slot = Int32(slots.count)
            slots.append(Slot(user: user, memory: memory, newer: -1, older: -1))
        }
        slotOf[user] = slot
        linkNewest(slot)
    }

    /// Forgets `user`.
    mutating func remove(_ user: String) {
        if let slot = slotOf[user] { remove(slot: slot) }
    }

    /// Forgets users idle for longer than the expiry at `now`, oldest first; stops at the first fresh one.
    /// At most `limit` users are dropped per call so that one call stays cheap.
    mutating func expire(now: Double, limit: Int = 8) {
        var dropped = 0
        while oldest >= 0, dropped < limit, now - slots[Int(oldest)].memory.lastActivity > idleExpiry {
            remove(slot: oldest)
            dropped += 1
        }
    }

    /// Every remembered user with its memory, most recently active first.
    func all() -> [(user: String, memory: UserMemory)] {
        var result: [(String, UserMemory)] = []
        result.reserveCapacity(slotOf.count)
        var slot = newest
        while slot >= 0 {
            result.append((slots[Int(slot)].user, slots[Int(slot)].memory))
            slot = slots[Int(slot)].older
        }
        return result
    }

    private mutating func remove(slot: Int32) {
        unlink(slot)
        slotOf[slots[Int(slot)].user] = nil
        slots[Int(slot)].user = ""
        freeSlots.append(slot)
    }

    private mutating func unlink(_ slot: Int32) {
        let newer = slots[Int(slot)].newer
        let older = slots[Int(slot)].older
        if newer >= 0 { slots[Int(newer)].older = older } else { newest = older }
        if older >= 0 { slots[Int(older)].newer = newer } else { oldest = newer }
        slots[Int(slot)].newer = -1
        slots[Int(slot)].older = -1
    }

    private mutating func linkNewest(_ slot: Int32) {
        slots[Int(slot)].older = newest
        slots[Int(slot)].newer = -1
        if newest >= 0 { slots[Int(newest)].newer = slot }
        newest = slot
        if oldest < 0 { oldest = slot }
    }
}
