extension ChatPage {
    /// The page's script. Every text from a person or from the bot goes in with `textContent`; nothing is ever
    /// parsed as HTML. Each browser keeps its own anonymous user id (`web:` + 128 random bits) in local storage.
    public static let script = #"""
        "use strict";
        (function () {
          var STRINGS = {
            id: {
              tagline: "Tanya jawab tentang influencer dan Key Opinion Leader (KOL)",
              intro: "Halo! Saya bisa menjelaskan apa itu influencer dan Key Opinion Leader (KOL), perbedaan keduanya, dan contohnya. Silakan bertanya.",
              label: "Pertanyaan Anda", placeholder: "Tulis pertanyaan, misalnya: apa itu KOL?", send: "Kirim",
              log: "Percakapan", pending: "Sedang mencari jawaban\u2026", suggestions: "Pertanyaan lanjutan",
              timeout: "Maaf, jawaban belum datang. Silakan coba lagi sebentar lagi.",
              busy: "Maaf, layanan sedang sibuk. Silakan coba lagi sebentar lagi.",
              network: "Maaf, koneksi ke server terputus. Periksa jaringan Anda lalu coba lagi.",
              invalid: "Maaf, pertanyaan itu tidak bisa dikirim: ",
              tooLong: "Maaf, pertanyaan Anda terlalu panjang. Silakan persingkat."
            },
            en: {
              tagline: "Questions and answers about influencers and Key Opinion Leaders (KOLs)",
              intro: "Hello! I can explain what influencers and Key Opinion Leaders (KOLs) are, how they differ, and give examples. Ask away.",
              label: "Your question", placeholder: "Type a question, e.g. what is a KOL?", send: "Send",
              log: "Conversation", pending: "Looking for an answer\u2026", suggestions: "Follow-up questions",
              timeout: "Sorry, the answer has not arrived. Please try again in a moment.",
              busy: "Sorry, the service is busy. Please try again in a moment.",
              network: "Sorry, the connection to the server was lost. Check your network and try again.",
              invalid: "Sorry, that question could not be sent: ",
              tooLong: "Sorry, your question is too long. Please shorten it."
            }
          };
          var lang = "id";
          var memoryUser = null;
          var log = document.getElementById("log");
          var form = document.getElementById("ask");
          var input = document.getElementById("question");

          function t(key) { return STRINGS[lang][key]; }

          function randomId() {
            var bytes = new Uint8Array(16);
            window.crypto.getRandomValues(bytes);
            var s = "";
            for (var i = 0; i < bytes.length; i++) { s += String.fromCharCode(bytes[i]); }
            return "web:" + btoa(s).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
          }

          // One anonymous id per browser, so that follow-ups ("contohnya?") are answered from this visitor's memory.
          function userId() {
            var valid = /^web:[A-Za-z0-9_-]{16,64}$/;
            try {
              var stored = window.localStorage.getItem("kolbot.user");
              if (stored && valid.test(stored)) { return stored; }
              stored = randomId();
              window.localStorage.setItem("kolbot.user", stored);
              return stored;
            } catch (e) {
              if (!memoryUser) { memoryUser = randomId(); }
              return memoryUser;
            }
          }

          function setLanguage(next) {
            if (next !== "id" && next !== "en") { return; }
            lang = next;
            document.documentElement.lang = next;
            var texts = document.querySelectorAll("[data-text]");
            for (var i = 0; i < texts.length; i++) { texts[i].textContent = t(texts[i].getAttribute("data-text")); }
            input.placeholder = t("placeholder");
            log.setAttribute("aria-label", t("log"));
          }

          function scrollDown(el) {
            log.scrollTop = log.scrollHeight;
            if (el && el.scrollIntoView) { el.scrollIntoView({ block: "nearest" }); }
          }

          function paragraph(text, className) {
            var p = document.createElement("p");
            if (className) { p.className = className; }
            p.textContent = text;
            return p;
          }

          function addMessage(classes, text) {
            var el = document.createElement("div");
            el.className = "msg " + classes;
            el.appendChild(paragraph(text));
            log.appendChild(el);
            scrollDown(el);
            return el;
          }

          function showAnswer(answer) {
            if (answer.lang) { setLanguage(answer.lang); }
            var el = document.createElement("div");
            el.className = "msg bot answer";
            el.lang = answer.lang || lang;
            el.setAttribute("data-intent", String(answer.intent || ""));
            el.appendChild(paragraph(String(answer.text || "")));
            if (answer.source) { el.appendChild(paragraph(String(answer.source), "source")); }
            var suggestions = Array.isArray(answer.suggestions) ? answer.suggestions : [];
            if (suggestions.length > 0) {
              var group = document.createElement("div");
              group.className = "suggestions";
              group.setAttribute("role", "group");
              group.setAttribute("aria-label", t("suggestions"));
              suggestions.forEach(function (s) {
                var button = document.createElement("button");
                button.type = "button";
                button.className = "suggestion";
                button.textContent = String(s);
                button.addEventListener("click", function () { ask(String(s)); });
                group.appendChild(button);
              });
              el.appendChild(group);
            }
            log.appendChild(el);
            scrollDown(el);
          }

          function showError(error) {
            var code = error && error.code;
            var text;
            if (code === "answer_timeout") { text = t("timeout"); }
            else if (code === "overloaded" || code === "unavailable" || code === "rate_limited" || code === "delivery_failed") { text = t("busy"); }
            else if (code === "text_too_long" || code === "message_too_large") { text = t("tooLong"); }
            else if (code === "network") { text = t("network"); }
            else { text = t("invalid") + String((error && error.message) || code || "?"); }
            addMessage("bot error", text);
          }

          // Reads a text/event-stream response: "accepted", then "answer" or "error".
          function readEvents(response, onEvent) {
            var reader = response.body.getReader();
            var decoder = new TextDecoder();
            var buffer = "";
            function dispatch(block) {
              var name = "message", data = [];
              block.split("\n").forEach(function (line) {
                if (line.indexOf("event:") === 0) { name = line.slice(6).trim(); }
                else if (line.indexOf("data:") === 0) { data.push(line.slice(5).replace(/^ /, "")); }
              });
              if (data.length > 0) { onEvent(name, data.join("\n")); }
            }
            function pump() {
              return reader.read().then(function (chunk) {
                if (chunk.done) { if (buffer.trim()) { dispatch(buffer); } return; }
                buffer += decoder.decode(chunk.value, { stream: true }).replace(/\r\n?/g, "\n");
                var end;
                while ((end = buffer.indexOf("\n\n")) >= 0) {
                  dispatch(buffer.slice(0, end));
                  buffer = buffer.slice(end + 2);
                }
                return pump();
              });
            }
            return pump();
          }

          function ask(text) {
            text = String(text).trim();
            if (!text) { return; }
            addMessage("user", text);
            input.value = "";
            var pending = addMessage("bot pending", t("pending"));
            pending.setAttribute("aria-hidden", "true");
            var settled = false;
            function settle(fn, value) {
              if (settled) { return; }
              settled = true;
              if (pending.parentNode) { pending.parentNode.removeChild(pending); }
              fn(value);
            }
            fetch("/v1/ask", {
              method: "POST",
              headers: { "Content-Type": "application/json", "Accept": "text/event-stream" },
              body: JSON.stringify({ text: text, user: userId() })
            }).then(function (response) {
              var type = response.headers.get("Content-Type") || "";
              if (type.indexOf("text/event-stream") === 0 && response.body) {
                return readEvents(response, function (name, data) {
                  var value;
                  try { value = JSON.parse(data); } catch (e) { return; }
                  if (name === "answer") { settle(showAnswer, value); }
                  else if (name === "error") { settle(showError, value.error); }
                }).then(function () { settle(showError, { code: "network" }); });
              }
              return response.json().then(function (value) {
                if (value && value.error) { settle(showError, value.error); }
                else { settle(showAnswer, value); }
              });
            }).catch(function () { settle(showError, { code: "network" }); });
          }

          form.addEventListener("submit", function (event) {
            event.preventDefault();
            ask(input.value);
            input.focus();
          });
          document.documentElement.setAttribute("data-ready", "true");
        })();

        """#
}
