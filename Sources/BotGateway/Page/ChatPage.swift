import Hummingbird

/// The chat page for people: one HTML document, its style sheet and its script, all served from the binary
/// (no CDN, no web fonts, no build step). The script inserts every question and answer with `textContent`,
/// never as HTML, and the Content-Security-Policy allows only this origin's own script and style.
public enum ChatPage {
    /// The three resources of the page.
    public enum Resource: Sendable {
        case html, script, style
    }

    /// The Content-Security-Policy of the page: nothing but its own script, style and API.
    public static let contentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; "
        + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

    /// A resource's bytes and content type.
    public static func content(_ resource: Resource) -> (body: String, contentType: String) {
        switch resource {
        case .html: (html, "text/html; charset=utf-8")
        case .script: (script, "text/javascript; charset=utf-8")
        case .style: (style, "text/css; charset=utf-8")
        }
    }

    static func response(_ resource: Resource) -> Response {
        let (body, type) = content(resource)
        var fields = HTTPFields()
        fields[.contentType] = type
        fields[.cacheControl] = "no-cache"
        if resource == .html { fields[.contentSecurityPolicy] = contentSecurityPolicy }
        return Response(status: .ok, headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(string: body)))
    }

    /// The document. Indonesian by default; the script switches its strings to English when the answers do.
    public static let html = """
        <!doctype html>
        <html lang="id">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="color-scheme" content="light dark">
        <title>KOLBot: Influencer dan Key Opinion Leader</title>
        <link rel="icon" href="data:,">
        <link rel="stylesheet" href="/chat.css">
        <script src="/chat.js" defer></script>
        </head>
        <body>
        <header class="bar">
          <h1>KOLBot</h1>
          <p class="tagline" data-text="tagline">Tanya jawab tentang influencer dan Key Opinion Leader (KOL)</p>
        </header>
        <main>
          <div id="log" role="log" aria-live="polite" aria-relevant="additions" aria-label="Percakapan" data-label="log" tabindex="0">
            <div class="msg bot intro">
              <p data-text="intro">Halo! Saya bisa menjelaskan apa itu influencer dan Key Opinion Leader (KOL), perbedaan keduanya, dan contohnya. Silakan bertanya.</p>
            </div>
          </div>
        </main>
        <form id="ask" class="composer" autocomplete="off">
          <label for="question" class="visually-hidden" data-text="label">Pertanyaan Anda</label>
          <input id="question" name="question" type="text" maxlength="4000" autofocus enterkeyhint="send"
                 placeholder="Tulis pertanyaan, misalnya: apa itu KOL?" data-placeholder="placeholder">
          <button id="send" type="submit" data-text="send">Kirim</button>
        </form>
        <noscript><p class="noscript">Halaman ini memerlukan JavaScript. / This page needs JavaScript.</p></noscript>
        </body>
        </html>

        """

    /// The style sheet: one column, readable from 320 px phones to desktops, visible focus, light and dark.
    public static let style = """
        :root {
          --bg: #f6f7f9; --fg: #1c1f24; --muted: #5b6470; --panel: #ffffff; --line: #d9dde3;
          --user: #1f5fbf; --user-fg: #ffffff; --bot: #ffffff; --accent: #1f5fbf; --focus: #f5a623; --error: #a4262c;
          color-scheme: light dark;
        }
        @media (prefers-color-scheme: dark) {
          :root { --bg: #15181d; --fg: #e8eaed; --muted: #a3acb9; --panel: #1e2229; --line: #343a44;
                  --user: #3b7be0; --bot: #23282f; --accent: #8ab4f8; --error: #ff8a80; }
        }
        * { box-sizing: border-box; }
        html, body { height: 100%; margin: 0; }
        body {
          display: flex; flex-direction: column; background: var(--bg); color: var(--fg);
          font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif;
        }
        .bar { padding: .75rem 1rem; border-bottom: 1px solid var(--line); background: var(--panel); }
        .bar h1 { margin: 0; font-size: 1.2rem; }
        .tagline { margin: 0; color: var(--muted); font-size: .9rem; }
        main { flex: 1; min-height: 0; display: flex; justify-content: center; }
        #log {
          width: 100%; max-width: 46rem; overflow-y: auto; padding: 1rem; display: flex; flex-direction: column; gap: .75rem;
        }
        .msg { max-width: 85%; padding: .6rem .85rem; border-radius: .9rem; overflow-wrap: anywhere; }
        .msg p { margin: 0; white-space: pre-wrap; }
        .msg.user { align-self: flex-end; background: var(--user); color: var(--user-fg); border-bottom-right-radius: .25rem; }
        .msg.bot { align-self: flex-start; background: var(--bot); border: 1px solid var(--line); border-bottom-left-radius: .25rem; }
        .msg.pending { color: var(--muted); font-style: italic; }
        .msg.error { border-color: var(--error); color: var(--error); }
        .source { margin-top: .4rem !important; font-size: .8rem; color: var(--muted); }
        .suggestions { display: flex; flex-wrap: wrap; gap: .4rem; margin-top: .6rem; white-space: normal; }
        .suggestion {
          font: inherit; font-size: .9rem; color: var(--accent); background: transparent; cursor: pointer;
          border: 1px solid var(--accent); border-radius: 1rem; padding: .35rem .8rem; min-height: 2.25rem; text-align: left;
        }
        .suggestion:hover { background: color-mix(in srgb, var(--accent) 12%, transparent); }
        .composer {
          display: flex; gap: .5rem; padding: .75rem max(1rem, calc((100% - 46rem) / 2)); border-top: 1px solid var(--line);
          background: var(--panel); padding-bottom: max(.75rem, env(safe-area-inset-bottom));
        }
        #question {
          flex: 1; min-width: 0; font: inherit; padding: .6rem .8rem; border-radius: .6rem;
          border: 1px solid var(--line); background: var(--bg); color: var(--fg);
        }
        #send {
          font: inherit; font-weight: 600; padding: .6rem 1.1rem; border: 0; border-radius: .6rem;
          background: var(--user); color: var(--user-fg); cursor: pointer; min-height: 2.75rem;
        }
        :focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
        #question:focus { outline: 3px solid var(--focus); outline-offset: 1px; }
        .visually-hidden {
          position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden;
          clip: rect(0 0 0 0); white-space: nowrap; border: 0;
        }
        .noscript { padding: 1rem; }
        @media (max-width: 30rem) {
          .msg { max-width: 92%; }
          .bar { padding: .5rem .75rem; }
          .tagline { display: none; }
          #send { padding: .6rem .8rem; }
        }
        @media (prefers-reduced-motion: no-preference) { #log { scroll-behavior: smooth; } }

        """
}
