import Testing

/// Runs the tests it marks one at a time across the whole test process: the integration suites that start
/// brokers and services and measure timings (crash, fault, hostile input, observability, failover, shutdown,
/// gateway) must not share two cores with each other. Lighter tests still run beside them.
public struct HeavyIntegration: SuiteTrait, TestTrait, TestScoping {
    public var isRecursive: Bool { true }

    public func provideScope(for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void) async throws {
        // A suite only groups its tests; each test (or each case of a parameterised one) takes the gate.
        guard !test.isSuite else { return try await function() }
        await Gate.shared.acquire()
        do {
            try await function()
        } catch {
            await Gate.shared.release()
            throw error
        }
        await Gate.shared.release()
    }

    /// One holder at a time, the others waiting in order (suspended, not blocking a thread).
    private actor Gate {
        static let shared = Gate()
        private var busy = false
        private var waiters: [CheckedContinuation<Void, Never>] = []

        func acquire() async {
            guard busy else {
                busy = true
                return
            }
            await withCheckedContinuation { waiters.append($0) }
        }

        func release() {
            if waiters.isEmpty { busy = false } else { waiters.removeFirst().resume() }
        }
    }
}

extension Trait where Self == HeavyIntegration {
    /// Runs each test of the suite alone among the heavy integration tests of the whole test process.
    public static var heavyIntegration: Self { HeavyIntegration() }
}
