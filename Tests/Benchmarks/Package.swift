// swift-tools-version:6.1
// Benchmarks of the conversation core, kept apart so `swift test` at the root does not build them.
// Run: cd Benchmarks && swift package --disable-sandbox benchmark
import PackageDescription

let package = Package(
    name: "KOLBotBenchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "KOLBot", path: "../.."),
        .package(url: "https://github.com/ordo-one/package-benchmark", from: "1.38.0", traits: ["MallocInterposer"]),
    ],
    targets: [
        // A plain timing run without the benchmark harness: `swift run -c release core-bench`.
        .executableTarget(
            name: "core-bench",
            dependencies: [.product(name: "BotCore", package: "KOLBot")],
            path: "Sources/CoreBench"
        ),
        // The answering pipeline without Kafka: `swift run -c release pipeline-bench`.
        .executableTarget(
            name: "pipeline-bench",
            dependencies: [
                .product(name: "BotCore", package: "KOLBot"),
                .product(name: "BotService", package: "KOLBot"),
                .product(name: "KafkaTransport", package: "KOLBot"),
            ],
            path: "Sources/PipelineBench"
        ),
        .executableTarget(
            name: "PipelineBenchmark",
            dependencies: [
                .product(name: "Benchmark", package: "package-benchmark"),
                .product(name: "BotCore", package: "KOLBot"),
                .product(name: "BotService", package: "KOLBot"),
                .product(name: "KafkaTransport", package: "KOLBot"),
            ],
            path: "Benchmarks/PipelineBenchmark",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "package-benchmark")]
        ),
        .executableTarget(
            name: "MatcherBenchmark",
            dependencies: [
                .product(name: "Benchmark", package: "package-benchmark"),
                .product(name: "BotCore", package: "KOLBot"),
            ],
            path: "Benchmarks/MatcherBenchmark",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "package-benchmark")]
        ),
    ]
)
