@testable import BotGateway
import BotService
import Synchronization
import Testing

private func answer(user: String, id: String, text: String = "ok") -> ArrivedAnswer {
    let value = Array("{\"id\":\"\(id):answer\",\"in_reply_to\":\"\(id)\",\"user\":\"\(user)\",\"text\":\"\(text)\"}".utf8)
    return ArrivedAnswer(value: value, headers: [], record: AnswerRecord(json: value)!)
}

@Suite struct PendingAnswersTests {
    @Test func anAnswerReachesTheRequestThatWaitsForIt() async throws {
        let pending = PendingAnswers(capacity: 10)
        let key = AnswerKey(user: "web:a", questionID: "q1")
        let ticket = try pending.register(key)
        async let outcome = pending.wait(ticket: ticket, timeout: .seconds(5))
        try await Task.sleep(for: .milliseconds(20))
        #expect(pending.deliver(answer(user: "web:a", id: "q1"), for: key))
        guard case .answered(let a) = await outcome else { Issue.record("no answer"); return }
        #expect(a.record.inReplyTo == "q1")
        #expect(pending.count == 0)
    }

    @Test func anAnswerBeforeTheWaitIsKept() async throws {
        let pending = PendingAnswers(capacity: 10)
        let key = AnswerKey(user: "u", questionID: "q")
        let ticket = try pending.register(key)
        #expect(pending.deliver(answer(user: "u", id: "q"), for: key))
        guard case .answered = await pending.wait(ticket: ticket, timeout: .seconds(5)) else { Issue.record("lost"); return }
        #expect(pending.count == 0)
    }

    @Test func duplicatesAndLateAnswersFindNobody() async throws {
        let pending = PendingAnswers(capacity: 10)
        let key = AnswerKey(user: "u", questionID: "q")
        let ticket = try pending.register(key)
        #expect(pending.deliver(answer(user: "u", id: "q"), for: key))
        #expect(!pending.deliver(answer(user: "u", id: "q"), for: key), "a duplicate is not delivered twice")
        _ = await pending.wait(ticket: ticket, timeout: .seconds(1))
        #expect(!pending.deliver(answer(user: "u", id: "q"), for: key))
        #expect(pending.count == 0)
    }

    @Test func aTimeoutLeavesNothingBehind() async throws {
        let counts = CountLog()
        let pending = PendingAnswers(capacity: 10) { counts.append($0) }
        let key = AnswerKey(user: "u", questionID: "slow")
        let ticket = try pending.register(key)
        // (No bound on the elapsed time: in a full `swift test` run, blocking tests elsewhere in the process can
        // hold both threads of the cooperative pool for a long time.)
        guard case .timedOut = await pending.wait(ticket: ticket, timeout: .milliseconds(100)) else { Issue.record("not a timeout"); return }
        #expect(pending.count == 0)
        #expect(counts.values == [1, 0])
        #expect(!pending.deliver(answer(user: "u", id: "slow"), for: key), "an answer after the timeout is dropped")
        // The same question may be asked again afterwards.
        _ = try pending.register(key)
    }

    @Test func anotherUsersAnswerWithTheSameIdIsNotDelivered() async throws {
        let pending = PendingAnswers(capacity: 10)
        let ticket = try pending.register(AnswerKey(user: "web:alice", questionID: "1"))
        #expect(!pending.deliver(answer(user: "web:bob", id: "1"), for: AnswerKey(user: "web:bob", questionID: "1")))
        guard case .timedOut = await pending.wait(ticket: ticket, timeout: .milliseconds(50)) else { Issue.record("delivered to the wrong user"); return }
    }

    @Test func theMapIsBoundedAndRefusesDuplicates() throws {
        let pending = PendingAnswers(capacity: 2)
        _ = try pending.register(AnswerKey(user: "u", questionID: "1"))
        #expect(throws: PendingAnswers.RegistrationError.duplicate) { try pending.register(AnswerKey(user: "u", questionID: "1")) }
        _ = try pending.register(AnswerKey(user: "u", questionID: "2"))
        #expect(throws: PendingAnswers.RegistrationError.full) { try pending.register(AnswerKey(user: "u", questionID: "3")) }
    }

    @Test func aFailedDeliveryEndsTheWait() async throws {
        let pending = PendingAnswers(capacity: 2)
        let ticket = try pending.register(AnswerKey(user: "u", questionID: "1"))
        #expect(pending.finish(ticket: ticket, with: .notDelivered("broker down")))
        guard case .notDelivered = await pending.wait(ticket: ticket, timeout: .seconds(5)) else { Issue.record("not failed"); return }
        #expect(pending.count == 0)
    }

    @Test func manyConcurrentWaitsEachGetTheirOwnAnswer() async throws {
        let pending = PendingAnswers(capacity: 10_000)
        let n = 2_000
        let tickets = try (0..<n).map { try pending.register(AnswerKey(user: "user-\($0 % 50)", questionID: "q-\($0)")) }
        let mismatches = await withTaskGroup(of: Int.self, returning: Int.self) { group in
            for i in 0..<n {
                group.addTask {
                    guard case .answered(let a) = await pending.wait(ticket: tickets[i], timeout: .seconds(20)) else { return 1 }
                    return a.record.inReplyTo == "q-\(i)" && a.record.user == "user-\(i % 50)" ? 0 : 1
                }
            }
            for i in (0..<n).reversed() {
                pending.deliver(answer(user: "user-\(i % 50)", id: "q-\(i)"), for: AnswerKey(user: "user-\(i % 50)", questionID: "q-\(i)"))
            }
            return await group.reduce(0, +)
        }
        #expect(mismatches == 0)
        #expect(pending.count == 0)
    }
}

/// Records the counts a `PendingAnswers` reports.
final class CountLog: Sendable {
    private let stored = Mutex<[Int]>([])
    func append(_ v: Int) { stored.withLock { $0.append(v) } }
    var values: [Int] { stored.withLock { $0 } }
}
