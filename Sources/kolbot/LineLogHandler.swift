import BotService
import Foundation
import Logging
import Synchronization

/// A swift-log handler writing one line per event to standard error, as logfmt (default) or JSON.
struct LineLogHandler: LogHandler {
    private static let output = Mutex<Void>(())

    let label: String
    let json: Bool
    var logLevel: Logger.Level = .info
    var metadata: Logger.Metadata = [:]

    init(label: String, json: Bool) {
        self.label = label
        self.json = json
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        var fields: [(String, String)] = [("ts", rfc3339(milliseconds: currentTimeMs())), ("level", event.level.rawValue), ("logger", label), ("msg", event.message.description)]
        let merged = metadata.merging(event.metadata ?? [:]) { _, new in new }
        for key in merged.keys.sorted() { fields.append((key, "\(merged[key]!)")) }
        if let error = event.error { fields.append(("error", "\(error)")) }
        let text = json ? Self.json(fields) : Self.logfmt(fields)
        Self.output.withLock { _ in
            FileHandle.standardError.write(Data((text + "\n").utf8))
        }
    }

    static func logfmt(_ fields: [(String, String)]) -> String {
        fields.map { key, value in
            let needsQuotes = value.isEmpty || value.contains { $0 == " " || $0 == "=" || $0 == "\"" || $0.isNewline }
            let v = needsQuotes ? "\"" + escape(value) + "\"" : value
            return key + "=" + v
        }.joined(separator: " ")
    }

    static func json(_ fields: [(String, String)]) -> String {
        "{" + fields.map { "\"" + escape($0.0) + "\":\"" + escape($0.1) + "\"" }.joined(separator: ",") + "}"
    }

    /// `s` escaped for a JSON string (without the quotes).
    private static func escape(_ s: String) -> String {
        String(JSONText.quoted(s).dropFirst().dropLast())
    }
}
