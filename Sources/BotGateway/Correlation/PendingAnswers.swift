import BotService
import KafkaTransport
import Synchronization

/// What identifies the answer a request waits for: answers carry the question's `user` and its id as
/// `in_reply_to`. Question ids are unique per user (the topic contract), so the pair is unique.
public struct AnswerKey: Hashable, Sendable, CustomStringConvertible {
    public var user: String
    public var questionID: String

    public init(user: String, questionID: String) {
        self.user = user
        self.questionID = questionID
    }

    public var description: String { "\(user)/\(questionID)" }
}

/// An answer read from the reply topic.
public struct ArrivedAnswer: Sendable {
    /// The record value, verbatim: the answer object exactly as `serve` wrote it.
    public var value: [UInt8]
    /// The record headers (`correlation-id` and `traceparent` come back here).
    public var headers: [MessageHeader]
    /// The fields the gateway reads.
    public var record: AnswerRecord

    public init(value: [UInt8], headers: [MessageHeader], record: AnswerRecord) {
        self.value = value
        self.headers = headers
        self.record = record
    }
}

/// How a wait for an answer ended.
public enum AnswerOutcome: Sendable {
    case answered(ArrivedAnswer)
    /// No answer within the answer timeout.
    case timedOut
    /// The question never reached the brokers.
    case notDelivered(String)
    /// The request went away (client disconnected, server stopping).
    case cancelled
}

/// The questions waiting for their answers, bounded. Every entry leaves on its answer, its timeout, a failed
/// delivery or cancellation, whichever comes first; a second answer to the same question (answers to `reply_to`
/// topics are at-least-once) or one that comes after the timeout finds no entry and is dropped.
public final class PendingAnswers: Sendable {
    private struct Entry {
        var ticket: UInt64
        var waiter: CheckedContinuation<AnswerOutcome, Never>?
        /// An outcome that came before the request started waiting.
        var early: AnswerOutcome?
    }

    private struct State {
        var entries: [AnswerKey: Entry] = [:]
        var keys: [UInt64: AnswerKey] = [:]
        var nextTicket: UInt64 = 1
    }

    /// Why a question cannot wait for its answer.
    public enum RegistrationError: Error, Sendable {
        /// `capacity` questions are waiting already.
        case full
        /// A question with the same user and id is waiting already.
        case duplicate
    }

    private let state = Mutex(State())
    /// The most questions waiting at once.
    public let capacity: Int
    private let onCountChange: @Sendable (Int) -> Void

    /// - Parameter onCountChange: told the number of waiting questions after each change (a gauge).
    public init(capacity: Int, onCountChange: @escaping @Sendable (Int) -> Void = { _ in }) {
        self.capacity = capacity
        self.onCountChange = onCountChange
    }

    /// The number of questions waiting.
    public var count: Int { state.withLock { $0.entries.count } }

    /// Registers a question before it is sent, so that even an instant answer finds it.
    /// - Returns: the ticket that names this wait (also the producer's delivery token).
    public func register(_ key: AnswerKey) throws(RegistrationError) -> UInt64 {
        let result: Result<(UInt64, Int), RegistrationError> = state.withLock { s in
            if s.entries[key] != nil { return .failure(.duplicate) }
            if s.entries.count >= capacity { return .failure(.full) }
            let ticket = s.nextTicket
            s.nextTicket += 1
            s.entries[key] = Entry(ticket: ticket)
            s.keys[ticket] = key
            return .success((ticket, s.entries.count))
        }
        let (ticket, count) = try result.get()
        onCountChange(count)
        return ticket
    }

    /// Hands an arrived answer to the request waiting for it.
    /// - Returns: false when nobody waits for it (a duplicate, or an answer after its timeout).
    @discardableResult
    public func deliver(_ answer: ArrivedAnswer, for key: AnswerKey) -> Bool {
        guard let ticket = state.withLock({ $0.entries[key]?.ticket }) else { return false }
        return finish(ticket: ticket, with: .answered(answer))
    }

    /// Ends the wait named by `ticket` with `outcome` (a failed delivery, a timeout, cancellation).
    /// - Returns: false when that wait had ended already.
    @discardableResult
    public func finish(ticket: UInt64, with outcome: AnswerOutcome) -> Bool {
        let (found, waiter, count): (Bool, CheckedContinuation<AnswerOutcome, Never>?, Int) = state.withLock { s in
            guard let key = s.keys[ticket], var entry = s.entries[key] else { return (false, nil, s.entries.count) }
            guard let waiter = entry.waiter else {
                if entry.early == nil {
                    entry.early = outcome
                    s.entries[key] = entry
                    return (true, nil, s.entries.count)
                }
                return (false, nil, s.entries.count)
            }
            s.entries[key] = nil
            s.keys[ticket] = nil
            return (true, waiter, s.entries.count)
        }
        if let waiter {
            onCountChange(count)
            waiter.resume(returning: outcome)
        }
        return found
    }

    /// Waits for the outcome of the question registered under `ticket`, at most `timeout`.
    public func wait(ticket: UInt64, timeout: Duration) async -> AnswerOutcome {
        await withTaskGroup(of: Void.self, returning: AnswerOutcome.self) { group in
            group.addTask { [self] in
                do {
                    try await Task.sleep(for: timeout)
                    finish(ticket: ticket, with: .timedOut)
                } catch {}   // cancelled: the outcome came first
            }
            let outcome = await withTaskCancellationHandler {
                await withCheckedContinuation { (c: CheckedContinuation<AnswerOutcome, Never>) in park(ticket: ticket, c) }
            } onCancel: {
                finish(ticket: ticket, with: .cancelled)
            }
            group.cancelAll()
            return outcome
        }
    }

    private func park(ticket: UInt64, _ continuation: CheckedContinuation<AnswerOutcome, Never>) {
        let (ready, count): (AnswerOutcome?, Int) = state.withLock { s in
            guard let key = s.keys[ticket], var entry = s.entries[key] else { return (.cancelled, s.entries.count) }
            if let early = entry.early {
                s.entries[key] = nil
                s.keys[ticket] = nil
                return (early, s.entries.count)
            }
            entry.waiter = continuation
            s.entries[key] = entry
            return (nil, s.entries.count)
        }
        if let ready {
            onCountChange(count)
            continuation.resume(returning: ready)
        }
    }
}
