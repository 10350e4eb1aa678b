import Testing
@testable import BotCore

/// A clock the test moves by hand.
final class ManualClock: ConversationClock {
    var time: Double
    init(_ time: Double = 1_700_000_000) { self.time = time }
    func now() -> Double { time }
}

@Suite struct ConversationStateTests {
    @Test func stateRecordsTheConversation() throws {
        let clock = ManualClock()
        let engine = TestPack.engine(clock: clock)
        _ = engine.reply(to: "what is the second difference?", user: "u", language: nil, questionId: "q-1")
        let state = try #require(engine.state(of: "u"))
        #expect(state.language == .english)
        #expect(state.lastIntent == "difference.2")
        #expect(state.lastAspect == "credibility")
        #expect(state.cursor == 2)
        #expect(state.lastActivity == clock.time)
        #expect(state.recentQuestionIds.count == 1)
        #expect(engine.hasSeen(questionId: "q-1", user: "u"))
        #expect(!engine.hasSeen(questionId: "q-2", user: "u"))
    }

    @Test func encodingRoundTrips() throws {
        let state = ConversationState(
            language: .english, lastIntent: "difference.3", lastTopic: "kol", lastAspect: "reach", cursor: 3,
            pendingClarification: ["definition.kol", "definition.influencer"], recentQuestionIds: [1, 2, 3, 4],
            lastActivity: 1_700_000_123.5)
        let bytes = state.encoded()
        #expect(bytes.count < 100)
        #expect(try ConversationState(encoded: bytes) == state)
        let empty = ConversationState()
        #expect(try ConversationState(encoded: empty.encoded()) == empty)
    }

    @Test func corruptBytesAreRejected() {
        let bytes = ConversationState(lastIntent: "definition.kol").encoded()
        #expect(throws: ConversationStateDecodingError.self) { try ConversationState(encoded: Array(bytes.dropLast())) }
        #expect(throws: ConversationStateDecodingError.self) { try ConversationState(encoded: [9] + bytes.dropFirst()) }
        #expect(throws: ConversationStateDecodingError.self) { try ConversationState(encoded: bytes + [0]) }
    }

    @Test func restoreThenContinue() {
        let engine = TestPack.engine(clock: ManualClock())
        engine.restore(ConversationState(language: .english, lastIntent: "difference.1", cursor: 1, lastActivity: 1_700_000_000), for: "r")
        let reply = engine.reply(to: "next", user: "r")
        #expect(reply.intent == "difference.2")
        #expect(reply.language == .english)
    }

    @Test func stateExpiresAfterIdleTime() {
        let clock = ManualClock()
        let engine = TestPack.engine(clock: clock, options: ConversationOptions(idleExpiry: 60))
        _ = engine.reply(to: "perbedaan kedua", user: "u")
        clock.time += 59
        #expect(engine.state(of: "u") != nil)
        #expect(engine.reply(to: "lanjut", user: "u").intent == "difference.3")
        clock.time += 61
        #expect(engine.state(of: "u") == nil)
        #expect(engine.reply(to: "lanjut", user: "u").intent == "differences.list")
    }

    @Test func expiredUsersAreDropped() {
        let clock = ManualClock()
        let engine = TestPack.engine(clock: clock, options: ConversationOptions(idleExpiry: 60))
        for user in ["a", "b", "c"] { _ = engine.reply(to: "halo", user: user) }
        clock.time += 120
        _ = engine.reply(to: "halo", user: "d")
        #expect(engine.userCount == 1)
        #expect(engine.users == ["d"])
    }

    @Test func capEvictsTheLeastRecentlyActive() {
        let clock = ManualClock()
        let engine = TestPack.engine(clock: clock, options: ConversationOptions(maxUsers: 3))
        for user in ["a", "b", "c"] {
            _ = engine.reply(to: "halo", user: user)
            clock.time += 1
        }
        _ = engine.reply(to: "apa itu kol", user: "a") // a is now the most recent
        clock.time += 1
        _ = engine.reply(to: "halo", user: "d")
        #expect(engine.userCount == 3)
        #expect(Set(engine.users) == ["a", "c", "d"])
        #expect(engine.users.first == "d")
    }

    @Test func forgetAndRemoveUsers() {
        let engine = TestPack.engine(clock: ManualClock())
        _ = engine.reply(to: "what is a KOL", user: "en-1")
        _ = engine.reply(to: "apa itu KOL", user: "id-1")
        _ = engine.reply(to: "apa itu influencer", user: "id-2")
        engine.forget(user: "id-2")
        #expect(engine.state(of: "id-2") == nil)
        let removed = engine.removeUsers { _, state in state.language == .english }
        #expect(removed == 1)
        #expect(engine.users == ["id-1"])
    }
}
