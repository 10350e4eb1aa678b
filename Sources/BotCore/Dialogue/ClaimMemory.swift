/// The stems of the last yes/no question of users recently answered yes or no, so that a follow-up naming only
/// the other side ("kalau influencer?" after "KOL kerja full time?") asks the same claim of it. Kept in memory only
/// and bounded: past `capacity` users the oldest entry goes first (its follow-up then gets the side's own verdict).
/// Apart from ``UserMemory`` so that users never answered yes or no pay nothing for it.
struct ClaimMemory {
    private var stems: [String: [String]] = [:]
    /// Users in the order they were remembered, a ring of `capacity` entries.
    private var order: [String] = []
    private var oldest = 0
    let capacity: Int

    init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    /// The stems remembered for `user`, empty for none.
    func stems(of user: String) -> [String] { stems[user] ?? [] }

    /// Remembers `value` (copied into storage of its own) as the last yes/no question of `user`.
    mutating func remember(_ value: [String], for user: String) {
        guard stems.updateValue(Array(value[...]), forKey: user) == nil else { return }
        if order.count < capacity {
            order.append(user)
        } else {
            stems.removeValue(forKey: order[oldest])
            order[oldest] = user
            oldest = (oldest + 1) % capacity
        }
    }

    /// Forgets the question of `user` (its last answer was no yes or no).
    mutating func forget(_ user: String) { stems.removeValue(forKey: user) }
}
