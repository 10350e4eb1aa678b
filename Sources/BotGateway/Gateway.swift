import Foundation
import Hummingbird
import Logging
import Prometheus
import ServiceLifecycle

/// The web gateway: an HTTP API (`POST /v1/ask`, JSON or server-sent events), the chat page, `/metrics` and
/// `/health/*`, in front of the questions topic and this instance's reply topic.
///
/// ```swift
/// let gateway = Gateway(configuration: c, registry: registry, logger: logger)
/// try gateway.start()                      // connects; the reply topic exists and is read from here on
/// try await ServiceGroup(services: gateway.services, gracefulShutdownSignals: [.sigterm], logger: logger).run()
/// ```
public final class Gateway: Sendable {
    public let configuration: GatewayConfiguration
    public let transport: GatewayTransport
    private let application: Application<RouterResponder<BasicRequestContext>>

    /// - Parameters:
    ///   - registry: the Prometheus registry the metrics system was bootstrapped with (served on `/metrics`).
    ///   - onListening: told the port once the server listens (useful with port 0).
    public init(configuration: GatewayConfiguration, registry: PrometheusCollectorRegistry, logger: Logger,
                onListening: @escaping @Sendable (Int) -> Void = { _ in }) {
        self.configuration = configuration
        let metrics = GatewayMetrics()
        let transport = GatewayTransport(configuration: configuration, metrics: metrics, logger: logger)
        self.transport = transport
        let routes = GatewayRoutes(configuration: configuration, transport: transport, metrics: metrics, registry: registry, logger: logger)
        let port = configuration.port
        application = Application(
            router: routes.makeRouter(),
            configuration: ApplicationConfiguration(address: .hostname(configuration.host, port: port), serverName: "kolbot-gateway"),
            onServerRunning: { channel in
                let actual = channel.localAddress?.port ?? port
                logger.info("gateway listening", metadata: ["port": "\(actual)", "reply.topic": "\(configuration.replyTopic)"])
                onListening(actual)
            },
            logger: logger)
    }

    /// Connects to the brokers and makes the reply topic ready. Call before ``services`` run, so that the first
    /// request is answered (and `serve` finds the reply topic when it first sees it).
    public func start() throws {
        try transport.start()
    }

    /// The services to run in one `ServiceGroup`, in this order: on shutdown the HTTP server stops first (requests
    /// in flight still get their answers), then the Kafka threads.
    public var services: [any Service] { [TransportService(transport: transport), application] }
}

/// Keeps the Kafka threads until graceful shutdown, then stops them.
struct TransportService: Service {
    let transport: GatewayTransport

    func run() async throws {
        try? await gracefulShutdown()
        // Stopping waits for the producer's flush (up to 2 s): on a thread of its own, not the cooperative pool.
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
            let thread = Thread { [transport] in
                transport.stop()
                done.resume()
            }
            thread.name = "gateway-stop"
            thread.start()
        }
    }
}
