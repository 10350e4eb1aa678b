/// Server-sent events (the `text/event-stream` format) for `POST /v1/ask` with `Accept: text/event-stream`.
///
/// One stream per question: `accepted` (`{"id": question id}`) once the question is queued, then either
/// `answer` (the answer object exactly as on the topic) or `error` (the contract's error object), then the
/// stream ends. A stream carries only the answer to the question posted on it.
enum ServerSentEvents {
    /// One event. Each line of `data` becomes a `data:` line (a JSON value may hold line breaks as whitespace,
    /// e.g. inside an echoed `meta`), so the client reads the data back with its line breaks as `\n`.
    static func event(_ name: String, data: [UInt8]) -> [UInt8] {
        var out = Array("event: \(name)\n".utf8)
        out.reserveCapacity(out.count + data.count + 16)
        var lineStart = true
        var i = 0
        while i < data.count {
            let b = data[i]
            if lineStart { out += Array("data: ".utf8); lineStart = false }
            if b == 0x0D || b == 0x0A {
                out.append(0x0A)
                lineStart = true
                if b == 0x0D, i + 1 < data.count, data[i + 1] == 0x0A { i += 1 }
            } else {
                out.append(b)
            }
            i += 1
        }
        if lineStart { out += Array("data: ".utf8) }
        out += [0x0A, 0x0A]
        return out
    }

    static func event(_ name: String, json: String) -> [UInt8] { event(name, data: Array(json.utf8)) }
}
