import BotCore
import Foundation

// Measures the shipped pack on one thread: questions per second, latency per question (p50, p99),
// and the memory of the loaded pack. Usage: core-bench [QUESTIONS] [EVAL_DIR] (default 300,000 questions
// drawn from ../../Intents/eval; EVAL_DIR compares two builds on the same questions).
// `core-bench users [N]` instead creates conversation state for N users (default 1,000,000)
// by answering one question each, and prints the memory per user.

let root = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
let arguments = Array(CommandLine.arguments.dropFirst())
let memoryMode = arguments.first == "users"
let numbers = arguments.compactMap { Int($0) }
let count = numbers.first ?? (memoryMode ? 1_000_000 : 300_000)

func residentBytes() -> Int {
    guard let statm = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
    let fields = statm.split(separator: " ")
    return fields.count > 1 ? (Int(fields[1]) ?? 0) * Int(sysconf(Int32(_SC_PAGESIZE))) : 0
}

func nanoseconds() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

/// CPU time of this process (user + system), in seconds: unlike wall time, not inflated by other
/// processes competing for the cores.
func cpuSeconds() -> Double {
    var usage = rusage()
    #if os(Linux)
    getrusage(RUSAGE_SELF.rawValue, &usage)
    #else
    getrusage(RUSAGE_SELF, &usage)
    #endif
    return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
}

let before = residentBytes()
let pack = try KnowledgePack.load(directory: root.appendingPathComponent("Intents").path)
let after = residentBytes()
let evalDirectory = arguments.first { Int($0) == nil && $0 != "users" } ?? root.appendingPathComponent("Intents/eval").path
let texts = try EvaluationSet.load(paths: [evalDirectory]).flatMap { $0.turns.map(\.text) }
let engine = ConversationEngine(pack: pack)

for index in 0..<20_000 { _ = engine.reply(to: texts[index % texts.count], user: "warm-\(index & 1023)") }

if memoryMode {
    let userIds = (0..<count).map { "user-\($0)" }
    let start = residentBytes()
    let began = nanoseconds()
    for (index, user) in userIds.enumerated() {
        _ = engine.reply(to: texts[index % texts.count], user: user)
    }
    let seconds = Double(nanoseconds() - began) / 1e9
    let grown = residentBytes() - start
    print("users:                \(engine.userCount) (cap \(engine.options.maxUsers))")
    print(String(format: "time to create:       %.1f s", seconds))
    print("resident growth:      \(grown) bytes")
    print(String(format: "bytes per user:       %.0f (ids like \"user-123456\", short enough to be stored inline)", Double(grown) / Double(count)))
    exit(0)
}

let users = (0..<1024).map { "user-\($0)" }
var latencies = [UInt64](repeating: 0, count: count)
let cpuStart = cpuSeconds()
let start = nanoseconds()
for index in 0..<count {
    let t0 = nanoseconds()
    let reply = engine.reply(to: texts[index % texts.count], user: users[index & 1023])
    latencies[index] = nanoseconds() - t0
    if reply.text.isEmpty { print("empty answer") }
}
let total = Double(nanoseconds() - start) / 1e9
let cpu = cpuSeconds() - cpuStart
latencies.sort()
@MainActor func percentile(_ p: Double) -> Double { Double(latencies[min(count - 1, Int(Double(count) * p))]) / 1000 }

print("questions:            \(count) (\(texts.count) distinct evaluation turns)")
print(String(format: "questions per second: %.0f", Double(count) / total))
print(String(format: "per CPU second:       %.0f questions (%.2f µs CPU per question)", Double(count) / cpu, cpu / Double(count) * 1e6))
print(String(format: "latency p50:          %.1f µs", percentile(0.50)))
print(String(format: "latency p99:          %.1f µs", percentile(0.99)))
print("pack matcher tables:  \(pack.matcherBytes) bytes")
print("pack resident growth: \(after - before) bytes (RSS while loading)")
