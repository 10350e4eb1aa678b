import Hummingbird
import KafkaTransport
import Logging
import Prometheus
import ServiceLifecycle

/// The HTTP endpoint for operators: `/metrics` (Prometheus text format), `/health/live`, `/health/ready`, and
/// `/health` (the details as JSON: live, ready, brokers reachable, partitions held).
public struct HTTPEndpoint: Service {
    private let application: Application<RouterResponder<BasicRequestContext>>

    /// - Parameters:
    ///   - registry: the Prometheus registry the metrics system was bootstrapped with.
    ///   - health: the service's health.
    public init(host: String = "0.0.0.0", port: Int, registry: PrometheusCollectorRegistry, health: ServiceHealth, logger: Logger) {
        let router = Router()
        router.get("/metrics") { _, _ -> Response in
            var headers = HTTPFields()
            headers[.contentType] = "text/plain; version=0.0.4; charset=utf-8"
            return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: registry.emitToBuffer())))
        }
        router.get("/health/live") { _, _ -> Response in
            Self.status(health.isLive)
        }
        router.get("/health/ready") { _, _ -> Response in
            Self.status(health.isReady)
        }
        router.get("/health") { _, _ -> Response in
            var headers = HTTPFields()
            headers[.contentType] = "application/json"
            return Response(status: health.isReady ? .ok : .serviceUnavailable, headers: headers,
                            body: ResponseBody(byteBuffer: ByteBuffer(string: health.detailsJSON)))
        }
        application = Application(
            router: router,
            configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: "kolbot"),
            onServerRunning: { channel in
                logger.info("http endpoint listening", metadata: [LogKey.port: "\(channel.localAddress?.port ?? port)"])
            },
            logger: logger)
    }

    private static func status(_ ok: Bool) -> Response {
        Response(status: ok ? .ok : .serviceUnavailable, body: ResponseBody(byteBuffer: ByteBuffer(string: ok ? "ok\n" : "unavailable\n")))
    }

    public func run() async throws {
        try await application.run()
    }
}
