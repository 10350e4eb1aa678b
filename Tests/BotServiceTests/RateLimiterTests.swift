import Testing
@testable import BotService

@Suite struct RateLimiterTests {
    @Test func burstThenRate() {
        var limiter = RateLimiter(rate: 5, burst: 20, maxUsers: 100)
        let allowed = (0..<25).filter { _ in limiter.allow("u", nowMs: 1_000) }.count
        #expect(allowed == 20)
        let atHalfToken = limiter.allow("u", nowMs: 1_100)
        let atOneToken = limiter.allow("u", nowMs: 1_200)
        let otherUser = limiter.allow("other", nowMs: 1_200)
        #expect(!atHalfToken)
        #expect(atOneToken)
        #expect(otherUser)   // users are independent
    }

    @Test func zeroRateMeansNoLimit() {
        var limiter = RateLimiter(rate: 0, burst: 1, maxUsers: 1)
        #expect((0..<1000).allSatisfy { _ in limiter.allow("u", nowMs: 0) })
        #expect(limiter.trackedUsers == 0)
    }

    @Test func aFloodOfSpoofedUsersStaysBounded() {
        var limiter = RateLimiter(rate: 5, burst: 20, maxUsers: 10_000)
        var refused = 0
        for i in 0..<100_000 where !limiter.allow("spoof-\(i)", nowMs: Int64(i / 1000)) { refused += 1 }
        #expect(limiter.trackedUsers <= 10_000)
        #expect(refused == 0)   // each spoofed id asks once: within its burst
    }
}

@Suite struct ReplyTargetTests {
    @Test func rules() throws {
        var lookups = 0
        var targets = try ReplyTargets(pattern: "bridge\\..*|kolbot\\.answers", forbidden: ["kolbot.questions"], refreshIntervalMs: 1_000) {
            lookups += 1
            return ["bridge.wa", "kolbot.answers", "kolbot.questions"]
        }
        let results = [("bridge.wa", 0), ("kolbot.questions", 0), ("other", 0), ("bad topic!", 0), ("bridge.missing", 10), ("bridge.missing", 20)]
            .map { targets.refusal(for: $0.0, nowMs: Int64($0.1)) }
        #expect(results[0] == nil)
        #expect(results[1]?.contains("own topics") == true)
        #expect(results[2]?.contains("not allowed") == true)
        #expect(results[3]?.contains("not a valid topic") == true)
        #expect(results[4]?.contains("does not exist") == true)
        #expect(results[5] != nil)
        #expect(lookups == 1)   // cached between refreshes
    }
}
