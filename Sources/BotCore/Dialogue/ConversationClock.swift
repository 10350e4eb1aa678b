import Foundation

/// The time source of the engine, injectable for tests.
public protocol ConversationClock {
    /// Seconds since the Unix epoch.
    func now() -> Double
}

/// The system wall clock.
public struct SystemClock: ConversationClock, Sendable {
    /// Creates the system clock.
    public init() {}
    /// Seconds since the Unix epoch.
    public func now() -> Double { Date().timeIntervalSince1970 }
}
