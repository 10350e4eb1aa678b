/// Per-user token buckets: each user may ask `rate` questions per second with bursts of `burst`.
///
/// Memory is bounded: at most `maxUsers` buckets are kept. When full, buckets that have refilled completely
/// (idle users: they carry no information) are dropped first, then arbitrary ones, so a flood of spoofed user
/// ids costs at most `maxUsers` entries.
struct RateLimiter {
    private struct Bucket {
        var tokens: Float
        var updatedMs: Int64
    }

    let rate: Double
    let burst: Double
    let maxUsers: Int
    private var buckets: [String: Bucket] = [:]
    private var lastSweepMs: Int64?

    /// - Parameters: rate 0 disables the limit.
    init(rate: Double, burst: Double, maxUsers: Int) {
        self.rate = rate
        self.burst = max(burst, 1)
        self.maxUsers = max(maxUsers, 1)
    }

    var trackedUsers: Int { buckets.count }

    /// Takes a token for `user` for a question sent at `nowMs` (the record's timestamp, so a backlog read after
    /// an outage is judged by when users asked, not by when it is answered); false when over the limit.
    mutating func allow(_ user: String, nowMs: Int64) -> Bool {
        guard rate > 0 else { return true }
        if var bucket = buckets[user] {
            let elapsed = max(0, nowMs - bucket.updatedMs)
            bucket.tokens = Float(min(burst, Double(bucket.tokens) + Double(elapsed) / 1000 * rate))
            bucket.updatedMs = max(bucket.updatedMs, nowMs)
            let allowed = bucket.tokens >= 1
            if allowed { bucket.tokens -= 1 }
            buckets[user] = bucket
            return allowed
        }
        if buckets.count >= maxUsers { evict(nowMs: nowMs) }
        buckets[user] = Bucket(tokens: Float(burst - 1), updatedMs: nowMs)
        return true
    }

    private mutating func evict(nowMs: Int64) {
        // Sweep idle buckets at most once per refill period: a flood would otherwise sweep on every insert.
        let fullAfterMs = Int64(burst / rate * 1000)
        if lastSweepMs.map({ nowMs - $0 >= fullAfterMs }) ?? true {
            lastSweepMs = nowMs
            buckets = buckets.filter { nowMs - $0.value.updatedMs < fullAfterMs }
            guard buckets.count >= maxUsers else { return }
        }
        // Everyone is active (a flood): forget a tenth of them; they start again with a full bucket.
        let victims = Array(buckets.keys.prefix(max(1, maxUsers / 10)))
        for key in victims { buckets[key] = nil }
    }
}
