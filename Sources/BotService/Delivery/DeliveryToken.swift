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
