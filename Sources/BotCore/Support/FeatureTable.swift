/// A read-only map from 64-bit feature keys (already well mixed: FNV-1a hashes) to dense ids, by open
/// addressing with linear probing: one multiply-free probe per lookup in the common case, no `Hasher`.
struct FeatureTable: Sendable {
    private let keys: [UInt64]
    private let ids: [Int32]
    private let mask: Int

    /// Builds the table for `entries` (keys must be distinct).
    init(_ entries: [UInt64: Int32]) {
        var capacity = 16
        while capacity < entries.count * 2 { capacity <<= 1 }
        var keys = [UInt64](repeating: 0, count: capacity)
        var ids = [Int32](repeating: -1, count: capacity)
        let mask = capacity - 1
        for (key, id) in entries {
            var slot = Int(truncatingIfNeeded: key ^ (key >> 29)) & mask
            while ids[slot] >= 0 { slot = (slot + 1) & mask }
            keys[slot] = key
            ids[slot] = id
        }
        self.keys = keys
        self.ids = ids
        self.mask = mask
    }

    /// The id of `key`, or nil.
    @inline(__always)
    func id(of key: UInt64) -> Int32? {
        var slot = Int(truncatingIfNeeded: key ^ (key >> 29)) & mask
        while true {
            let id = ids[slot]
            if id < 0 { return nil }
            if keys[slot] == key { return id }
            slot = (slot + 1) & mask
        }
    }

    /// Bytes held by the table.
    var bytes: Int { keys.capacity * 8 + ids.capacity * 4 }
}
