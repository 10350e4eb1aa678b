import BotCore
import BotService
import Foundation
import KafkaTransport

// The answering pipeline without Kafka, on one thread: question record in (JSON bytes), answer and state
// records out (bytes). Prints ns per question for the whole pipeline and for its stages.
// Usage: pipeline-bench [QUESTIONS] (default 200,000). Allocations per question: the PipelineBenchmark
// target (`swift package --disable-sandbox benchmark --target PipelineBenchmark`).

let count = CommandLine.arguments.dropFirst().compactMap { Int($0) }.first ?? 200_000
let records = try questionRecords(count: 20_000)
let pipeline = try makePipeline()
let now: Int64 = 1_764_000_100_000

func nanoseconds() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

var sink = 0
for i in 0..<20_000 { sink &+= answer(records[i % records.count], with: pipeline, nowMs: now) }

let began = nanoseconds()
for i in 0..<count { sink &+= answer(records[i % records.count], with: pipeline, nowMs: now) }
let total = Double(nanoseconds() - began) / Double(count)

// Stages, each over the same records.
let decoder = QuestionDecoder()
var questions: [Question] = []
questions.reserveCapacity(records.count)
var t = nanoseconds()
for r in records {
    if case .success(let q) = decoder.decode(value: r.value, key: r.key, defaultID: "x") { questions.append(q) }
}
let decode = Double(nanoseconds() - t) / Double(records.count)

let engine = ConversationEngine(pack: try KnowledgePack.load(directory: root.appendingPathComponent("Intents").path))
var replies: [Reply] = []
replies.reserveCapacity(questions.count)
t = nanoseconds()
for (i, q) in questions.enumerated() { replies.append(engine.reply(to: q.text, user: q.user, language: q.language, questionId: "r-\(i)")) }
let core = Double(nanoseconds() - t) / Double(questions.count)

t = nanoseconds()
for (q, reply) in zip(questions, replies) { sink &+= Answer(replying: q, with: reply, timestampMs: now).encoded().count }
let encode = Double(nanoseconds() - t) / Double(questions.count)

t = nanoseconds()
for q in questions { sink &+= engine.state(of: q.user)?.encoded().count ?? 0 }
let state = Double(nanoseconds() - t) / Double(questions.count)

print(String(format: "pipeline:  %.0f ns per question (%.0f questions/s on one core), %d questions", total, 1e9 / total, count))
print(String(format: "stages:    decode %.0f ns, core %.0f ns, encode answer %.0f ns, encode state %.0f ns", decode, core, encode, state))
if sink == 42 { print("") }
