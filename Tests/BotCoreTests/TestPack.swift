import Foundation
@testable import BotCore

/// The shipped pack, loaded once from the repository's `Intents/`.
enum TestPack {
    static let directory: String = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Intents").path

    static let shared: KnowledgePack = {
        do { return try KnowledgePack.load(directory: directory) } catch { fatalError("\(error)") }
    }()

    /// A fresh engine over the shipped pack.
    static func engine(clock: any ConversationClock = SystemClock(), options: ConversationOptions = .init()) -> ConversationEngine {
        ConversationEngine(pack: shared, options: options, clock: clock)
    }
}
