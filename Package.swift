// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "KOLBot",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "kolbot", targets: ["kolbot"]),
        .library(name: "BotCore", targets: ["BotCore"]),
        .library(name: "BotService", targets: ["BotService"]),
        .library(name: "KafkaTransport", targets: ["KafkaTransport"]),
    ],
    // Minimum versions are the ones tested (Package.resolved pins them exactly; swift-log 1.16 for LogEvent).
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.0"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.0"),
        .package(url: "https://github.com/HdrHistogram/hdrhistogram-swift", from: "0.2.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    ],
    targets: [
        // librdkafka from the system (Debian: librdkafka-dev).
        .systemLibrary(
            name: "CRdKafka",
            path: "Sources/CRdKafka",
            pkgConfig: "rdkafka",
            providers: [.apt(["librdkafka-dev"])]
        ),
        // Swift facade over librdkafka: producer, consumer, mock cluster.
        .target(
            name: "KafkaTransport",
            dependencies: [
                "CRdKafka",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "DequeModule", package: "swift-collections"),
            ]
        ),
        // The conversation core: knowledge pack, matcher, dialogue. Knows nothing of Kafka.
        .target(
            name: "BotCore",
            dependencies: [
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        // Wires the transport to the core: the answering loop, wire format, configuration.
        .target(
            name: "BotService",
            dependencies: [
                "BotCore",
                "KafkaTransport",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "DequeModule", package: "swift-collections"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Histogram", package: "hdrhistogram-swift"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ]
        ),
        // The web gateway: HTTP API, server-sent events and the chat page in front of the topics.
        .target(
            name: "BotGateway",
            dependencies: [
                "BotService",
                "BotCore",
                "KafkaTransport",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "DequeModule", package: "swift-collections"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ]
        ),
        .executableTarget(
            name: "kolbot",
            dependencies: [
                "BotGateway",
                "BotService",
                "BotCore",
                "KafkaTransport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .testTarget(name: "BotCoreTests", dependencies: ["BotCore"]),
        .testTarget(name: "KafkaTransportTests", dependencies: ["KafkaTransport", "TestSupport"]),
        // Shared by the integration test targets: the trait that runs heavy suites one test at a time, the external broker.
        .target(name: "TestSupport", dependencies: ["KafkaTransport", .product(name: "Logging", package: "swift-log")], path: "Tests/TestSupport"),
        .testTarget(
            name: "BotServiceTests",
            dependencies: ["BotService", "BotCore", "KafkaTransport", "TestSupport", .product(name: "PropertyBased", package: "swift-property-based")]
        ),
        // Runs the built `kolbot` binary as a user would (needs `swift build` products, which `swift test` builds).
        .testTarget(name: "CLITests", dependencies: ["KafkaTransport", "BotService", "TestSupport"]),
        .testTarget(
            name: "GatewayTests",
            dependencies: ["BotGateway", "BotService", .product(name: "Hummingbird", package: "hummingbird"), .product(name: "Logging", package: "swift-log")]
        ),
    ]
)
