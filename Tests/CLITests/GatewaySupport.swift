import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A broker, optionally `serve`, and gateways, each in its own process, as an operator runs them.
final class GatewayStack {
    let broker: BackgroundProcess
    let brokers: String
    private(set) var serve: BackgroundProcess?
    private(set) var servePort = 0
    private(set) var gateways: [(process: BackgroundProcess, port: Int)] = []

    /// Fast clients for the mock broker (see README: Fetch settings of the embedded mode).
    static let mockClientFlags = ["-X", "fetch.wait.max.ms=10", "-X", "session.timeout.ms=6000"]

    init(partitions: Int = 3) throws {
        broker = try BackgroundProcess.kolbot(["broker", "--partitions", String(partitions)], stdin: true)
        brokers = try broker.firstLine()
    }

    /// Starts `serve` (rate limit off) and waits until its group has assigned partitions.
    func startServe() throws {
        let port = freePort()
        let process = try BackgroundProcess.kolbot(["serve", "--brokers", brokers, "--http-port", String(port), "--rate-limit", "0"] + Self.mockClientFlags)
        serve = process
        servePort = port
        // Ready means running; answering starts once the group has assigned the partitions.
        guard waitForStatus(port, "/health/ready", 200, timeout: 40) != nil else {
            throw TestFailure("serve not ready; stderr: \(process.stderr.suffix(2000))")
        }
        try process.waitForLog("partitions assigned", timeout: 40)
    }

    func stopServe() {
        serve?.stop()
        serve = nil
    }

    /// Starts a gateway and waits until it is ready; returns its port.
    @discardableResult
    func startGateway(_ arguments: [String] = [], environment: [String: String] = [:]) throws -> Int {
        let port = freePort()
        let process = try BackgroundProcess.kolbot(["gateway", "--brokers", brokers, "--port", String(port)] + Self.mockClientFlags + arguments,
                                                   environment: environment)
        gateways.append((process, port))
        guard waitForStatus(port, "/health/ready", 200, timeout: 30) != nil else {
            throw TestFailure("gateway not ready; stderr: \(process.stderr.suffix(2000))")
        }
        return port
    }

    func stop() {
        for g in gateways { g.process.stop() }
        serve?.stop()
        broker.stop()
    }
}

/// An HTTP response as the tests read it.
struct HTTPReply {
    var status: Int
    var headers: [String: String]
    var body: Data

    var text: String { String(decoding: body, as: UTF8.self) }
    /// The body as a JSON object (empty when it is not one).
    var json: [String: Any] { (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] ?? [:] }
    /// `error.code` of an error body.
    var errorCode: String? { (json["error"] as? [String: Any])?["code"] as? String }
    func header(_ name: String) -> String? { headers.first { $0.key.lowercased() == name.lowercased() }?.value }
}

/// A session that opens enough connections for the concurrency tests (the default allows a few per host).
let gatewayTestSession: URLSession = {
    let configuration = URLSessionConfiguration.ephemeral
    configuration.httpMaximumConnectionsPerHost = 64
    return URLSession(configuration: configuration)
}()

/// One HTTP request to 127.0.0.1:`port`; nil when nothing answers within `timeout`.
func http(_ method: String, _ port: Int, _ path: String, body: Data? = nil, headers: [String: String] = [:], timeout: TimeInterval = 20) -> HTTPReply? {
    var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)\(path)")!)
    request.httpMethod = method
    request.httpBody = body
    request.timeoutInterval = timeout
    for (k, v) in headers { request.setValue(v, forHTTPHeaderField: k) }
    let done = DispatchSemaphore(value: 0)
    let box = ReplyBox()
    let task = gatewayTestSession.dataTask(with: request) { data, response, _ in
        if let r = response as? HTTPURLResponse {
            var fields: [String: String] = [:]
            for (k, v) in r.allHeaderFields { fields["\(k)"] = "\(v)" }
            box.set(HTTPReply(status: r.statusCode, headers: fields, body: data ?? Data()))
        }
        done.signal()
    }
    task.resume()
    _ = done.wait(timeout: .now() + timeout + 1)
    return box.get()
}

/// `POST /v1/ask` with each of `bodies`, all in flight at once (each on its own connection); replies in order.
func askAll(_ port: Int, _ bodies: [[String: Any]], timeout: TimeInterval = 30) -> [HTTPReply?] {
    let group = DispatchGroup()
    let results = ConcurrentResults()
    for (i, fields) in bodies.enumerated() {
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)/v1/ask")!)
        request.httpMethod = "POST"
        request.httpBody = try! JSONSerialization.data(withJSONObject: fields)
        request.timeoutInterval = timeout
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        group.enter()
        gatewayTestSession.dataTask(with: request) { data, response, _ in
            if let r = response as? HTTPURLResponse {
                var headers: [String: String] = [:]
                for (k, v) in r.allHeaderFields { headers["\(k)"] = "\(v)" }
                results.set(i, HTTPReply(status: r.statusCode, headers: headers, body: data ?? Data()))
            }
            group.leave()
        }.resume()
    }
    _ = group.wait(timeout: .now() + timeout + 5)
    return bodies.indices.map { results.get($0) }
}

/// `POST /v1/ask` with a JSON object.
func ask(_ port: Int, _ fields: [String: Any], headers: [String: String] = [:], timeout: TimeInterval = 20) -> HTTPReply? {
    let body = try! JSONSerialization.data(withJSONObject: fields)
    return http("POST", port, "/v1/ask", body: body, headers: ["Content-Type": "application/json"].merging(headers) { _, new in new }, timeout: timeout)
}

final class ReplyBox: @unchecked Sendable {
    private let lock = NSLock()
    private var reply: HTTPReply?
    func set(_ r: HTTPReply) { lock.lock(); reply = r; lock.unlock() }
    func get() -> HTTPReply? { lock.lock(); defer { lock.unlock() }; return reply }
}
