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

/// Files of the shared source folder beside the repository (the article and facts.md).
enum SharedSource {
    static func path(_ name: String) -> String {
        URL(fileURLWithPath: TestPack.directory).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("shared/source").appendingPathComponent(name).path
    }

    static func exists(_ name: String) -> Bool { FileManager.default.fileExists(atPath: path(name)) }
}
