import Foundation
import Testing
import TestSupport

/// The chat page in headless Chromium, driven by `Tests/browser/chat_page_test.py` (Selenium), against a broker,
/// `serve` and a gateway in their own processes. Needs Debian's `chromium`, `chromium-driver` and
/// `python3-selenium`; without them the test is skipped with the reason printed, unless KOLBOT_REQUIRE_BROWSER=1
/// (set by `.ci/run`, which installs them), where their absence fails it.
/// Set KOLBOT_SCREENSHOTS=DIR to keep the screenshots (`Deploy/` holds the README's).
@Suite(.serialized, .timeLimit(.minutes(4)), .heavyIntegration) struct GatewayBrowserTests {
    static let python = "/usr/bin/python3"
    static let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) }
    static let chromedriver = ["/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver"].first { FileManager.default.isExecutableFile(atPath: $0) }

    /// Why the browser test cannot run here, or nil.
    static var missing: String? {
        if chromium == nil { return "chromium is not installed (apt-get install chromium)" }
        if chromedriver == nil { return "chromedriver is not installed (apt-get install chromium-driver)" }
        guard FileManager.default.isExecutableFile(atPath: python),
              (try? runTool(python, ["-c", "import selenium"]).status) == 0 else {
            return "Selenium for \(python) is not installed (apt-get install python3-selenium)"
        }
        return nil
    }

    @Test func aVisitorAsksClicksASuggestionAndIsNeverServedHTML() throws {
        if let missing = Self.missing {
            if ProcessInfo.processInfo.environment["KOLBOT_REQUIRE_BROWSER"] == "1" {
                Issue.record("browser test required but \(missing)")
            } else {
                print("GatewayBrowserTests skipped: \(missing)")
            }
            return
        }
        let stack = try GatewayStack()
        defer { stack.stop() }
        try stack.startServe()
        // The bridge token is set: the page must work with anonymous ids alone.
        let port = try stack.startGateway(["--bridge-token", "browser-test-token"])
        let screenshots = ProcessInfo.processInfo.environment["KOLBOT_SCREENSHOTS"]
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("kolbot-screens-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: screenshots, withIntermediateDirectories: true)
        let result = try runTool(Self.python, ["Tests/browser/chat_page_test.py", "http://127.0.0.1:\(port)/", "--screenshots", screenshots,
                                               "--chromium", Self.chromium!, "--chromedriver", Self.chromedriver!], timeout: 180)
        print(result.stdout.split(separator: "\n").map { "  browser | \($0)" }.joined(separator: "\n"))
        #expect(result.status == 0, "\(result.stdout)\n\(result.stderr.suffix(3000))")
        #expect(result.stdout.contains(" passed, 0 failed"))
        #expect(FileManager.default.fileExists(atPath: screenshots + "/gateway-chat.png"))
        let metrics = try #require(http("GET", port, "/metrics")).text
        #expect(metric(metrics, "kolbot_gateway_requests_total", #"route="/v1/ask",status="403""#) == 0, "the page never asks as another user")
        #expect(metric(metrics, "kolbot_gateway_pending_answers") == 0)
    }
}
