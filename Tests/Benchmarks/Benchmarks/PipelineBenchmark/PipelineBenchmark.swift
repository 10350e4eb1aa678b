import Benchmark
import BotService
import Foundation
import KafkaTransport

// The answering pipeline without Kafka: one iteration = one question record answered (decode, redelivery check,
// rate limit, core, answer and state record encoded). Reports time and allocations per question.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .throughput, .mallocCountTotal],
        timeUnits: .nanoseconds,
        warmupIterations: 1_000,
        maxDuration: .seconds(5),
        maxIterations: 200_000
    )
    let fixture = PipelineFixture()
    Benchmark("Pipeline per question", configuration: .init(scalingFactor: .kilo)) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(fixture.next())
        }
    }
}

private final class PipelineFixture: @unchecked Sendable {
    let pipeline = try! makePipeline()
    let records = try! questionRecords(count: 20_000)
    var index = 0

    func next() -> Int {
        index &+= 1
        return answer(records[index % records.count], with: pipeline, nowMs: 1_764_000_100_000)
    }
}
