import Benchmark
import BotCore
import Foundation

/// The repository root (holds `Intents/`).
private let root = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

private func loadPack() -> KnowledgePack {
    do { return try KnowledgePack.load(directory: root.appendingPathComponent("Intents").path) } catch { fatalError("\(error)") }
}

/// Every turn of the shipped evaluation set: a realistic mix of questions, slang, typos and out-of-scope text.
private func questions() -> [String] {
    do {
        return try EvaluationSet.load(paths: [root.appendingPathComponent("Intents/eval").path]).flatMap { $0.turns.map(\.text) }
    } catch { fatalError("\(error)") }
}

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .throughput, .mallocCountTotal, .peakMemoryResident],
        timeUnits: .microseconds,
        warmupIterations: 1_000,
        maxDuration: .seconds(5),
        maxIterations: 200_000
    )

    // One iteration = one question answered (matcher, routing, answer rendering, per-user state);
    // metrics are reported per question (scaling factor 1,000 questions per sample).
    let fixture = ReplyFixture()
    Benchmark("Reply per question", configuration: .init(scalingFactor: .kilo)) { benchmark in
        for iteration in benchmark.scaledIterations {
            blackHole(fixture.reply(iteration))
        }
    }

    // The memory of the loaded pack: resident growth while loading, and the matcher tables' own size.
    Benchmark(
        "Load pack",
        configuration: .init(
            metrics: [.wallClock, .peakMemoryResidentDelta, .mallocCountTotal, .custom("matcher table bytes", polarity: .prefersSmaller, useScalingFactor: false)],
            timeUnits: .milliseconds, maxDuration: .seconds(5), maxIterations: 20)
    ) { benchmark in
        let pack = loadPack()
        benchmark.measurement(.custom("matcher table bytes"), pack.matcherBytes)
        blackHole(pack)
    }
}

/// One engine and the questions, created once and used by one benchmark thread.
private final class ReplyFixture: @unchecked Sendable {
    let engine = ConversationEngine(pack: loadPack())
    let texts = questions()
    let users = (0..<1024).map { "user-\($0)" }
    var next = 0

    func reply(_ iteration: Int) -> Reply {
        next &+= 1
        return engine.reply(to: texts[next % texts.count], user: users[next & 1023])
    }
}
