import BotCore
import BotService
import Foundation
import KafkaTransport

/// The repository root (holds `Intents/`).
let root = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

/// Question records as `kolbot load` sends them: JSON questions from the evaluation set, 1,000 users, keyed by
/// user, with a correlation id header on every fourth.
func questionRecords(count: Int) throws -> [InboundMessage] {
    let texts = try EvaluationSet.load(paths: [root.appendingPathComponent("Intents/eval").path]).flatMap { $0.turns.map(\.text) }
    return (0..<count).map { i in
        let user = "load-user-\(i % 1000)"
        let value = Question(id: "q-\(i)", user: user, text: texts[i % texts.count]).encoded()
        let headers = i % 4 == 0 ? [MessageHeader(Headers.correlationID, "c-\(i)")] : []
        return InboundMessage(topic: "kolbot.questions", partition: Int32(i % 6), offset: Int64(i / 6), key: Array(user.utf8), value: value,
                              headers: headers, timestampMs: 1_764_000_000_000 + Int64(i))
    }
}

/// A pipeline over the shipped pack with the service's default settings (rate limit off, as in load tests).
func makePipeline() throws -> AnsweringPipeline {
    var configuration = ServiceConfiguration(brokers: "unused:9092")
    configuration.rateLimit = 0
    let pack = try KnowledgePack.load(directory: root.appendingPathComponent("Intents").path)
    return try AnsweringPipeline(settings: .init(configuration, answersCoPartitioned: true), pack: pack, listTopics: { [] })
}

/// Everything the service does per question short of Kafka: the outcome and the state record, as bytes.
@inline(__always)
func answer(_ record: InboundMessage, with pipeline: AnsweringPipeline, nowMs: Int64) -> Int {
    let outcome = pipeline.handle(record, nowMs: nowMs)
    var bytes = (outcome.answer?.value?.count ?? 0) + (outcome.deadLetter?.value?.count ?? 0)
    if let user = outcome.stateChanged {
        bytes += pipeline.stateRecord(of: user, position: PartitionOffset(record.partition, record.offset))?.value?.count ?? 0
    }
    return bytes
}
