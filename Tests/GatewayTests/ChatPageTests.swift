@testable import BotGateway
import Hummingbird
import Logging
import Testing

@Suite struct ChatPageTests {
    @Test func thePageHasTheElementsTheIssueNames() {
        let html = ChatPage.html
        #expect(html.contains(#"id="question""#))
        #expect(html.contains(#"<label for="question""#))
        #expect(html.contains(#"id="log" role="log" aria-live="polite""#))
        #expect(html.contains(#"<html lang="id">"#))
        #expect(html.contains(#"name="viewport""#))
        #expect(ChatPage.script.contains(#""suggestion""#))
        #expect(ChatPage.script.contains(#""msg bot answer""#))
    }

    @Test func nothingComesFromElsewhere() {
        for text in [ChatPage.html, ChatPage.script, ChatPage.style] {
            #expect(!text.contains("http://") && !text.contains("https://") && !text.contains("//cdn") && !text.contains("@import"))
            #expect(!text.contains("@font-face"))
        }
        #expect(ChatPage.contentSecurityPolicy.contains("script-src 'self'"))
        #expect(!ChatPage.contentSecurityPolicy.contains("unsafe"))
    }

    @Test func textIsNeverInsertedAsHTML() {
        let script = ChatPage.script
        for sink in ["innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function", "setTimeout(\""] {
            #expect(!script.contains(sink), "the script uses \(sink)")
        }
        #expect(script.contains("textContent"))
        // No inline script or style: the policy allows only the files.
        #expect(!ChatPage.html.contains("<script>") && !ChatPage.html.contains("<style") && !ChatPage.html.contains(" style="))
        #expect(!ChatPage.html.contains(" onclick") && !ChatPage.html.contains(" onsubmit"))
    }
}

@Suite struct CORSTests {
    @Test func onlyConfiguredOriginsAreAllowed() {
        let metrics = GatewayMetrics()
        let off = GatewayMiddleware<BasicRequestContext>(corsOrigins: [], metrics: metrics, logger: .init(label: "t"))
        #expect(off.allowedOrigin("https://a.example") == nil)
        let some = GatewayMiddleware<BasicRequestContext>(corsOrigins: ["https://a.example"], metrics: metrics, logger: .init(label: "t"))
        #expect(some.allowedOrigin("https://a.example") == "https://a.example")
        #expect(some.allowedOrigin("https://a.example.evil") == nil)
        let any = GatewayMiddleware<BasicRequestContext>(corsOrigins: ["*"], metrics: metrics, logger: .init(label: "t"))
        #expect(any.allowedOrigin("https://b.example") == "*")
        #expect(GatewayMiddleware<BasicRequestContext>.route(of: "/v1/ask") == .ask)
        #expect(GatewayMiddleware<BasicRequestContext>.route(of: "/v1/ask/../x") == .other)
    }
}
