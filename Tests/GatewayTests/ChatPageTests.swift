@testable import BotGateway
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
