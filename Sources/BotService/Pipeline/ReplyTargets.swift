import Foundation

/// Decides whether a question's `reply_to` topic may receive its answer: it must match the allow-list
/// pattern, must not be one of the service's own input or internal topics, and must exist on the cluster.
/// Known topics are trusted; an unknown one makes the topic list be read again, at most once a second (a
/// gateway that has just created its reply topic is served at once, a flood of bad names costs one metadata
/// request per second).
struct ReplyTargets {
    private let pattern: NSRegularExpression
    private let forbidden: Set<String>
    private let listTopics: () throws -> Set<String>
    private var known: Set<String> = []
    private var refreshedMs: Int64?
    private let refreshIntervalMs: Int64

    /// - Parameters:
    ///   - listTopics: asks the cluster for its topics (called at most once per `refreshIntervalMs`).
    init(pattern: String, forbidden: Set<String>, refreshIntervalMs: Int64 = 1_000, listTopics: @escaping () throws -> Set<String>) throws {
        self.pattern = try NSRegularExpression(pattern: "^(?:\(pattern))$")
        self.forbidden = forbidden
        self.refreshIntervalMs = refreshIntervalMs
        self.listTopics = listTopics
    }

    /// nil when `topic` may be used, else why not.
    mutating func refusal(for topic: String, nowMs: Int64) -> String? {
        guard TopicName.isValid(topic) else { return "reply_to \"\(topic.prefix(64))\" is not a valid topic name" }
        if forbidden.contains(topic) { return "reply_to \"\(topic)\" is one of the service's own topics" }
        let range = NSRange(topic.startIndex..., in: topic)
        guard pattern.firstMatch(in: topic, range: range) != nil else { return "reply_to \"\(topic)\" is not allowed by the reply-to pattern" }
        if !known.contains(topic) && (refreshedMs.map { nowMs - $0 > refreshIntervalMs } ?? true) {
            refreshedMs = nowMs
            if let topics = try? listTopics() { known = topics }
        }
        return known.contains(topic) ? nil : "reply_to topic \"\(topic)\" does not exist"
    }
}

/// Kafka topic name rules: 1 to 249 of `a-z A-Z 0-9 . _ -`, not `.` or `..`.
public enum TopicName {
    public static func isValid(_ name: String) -> Bool {
        guard !name.isEmpty, name.utf8.count <= 249, name != ".", name != ".." else { return false }
        return name.utf8.allSatisfy { c in
            (c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z")) || (c >= UInt8(ascii: "A") && c <= UInt8(ascii: "Z"))
                || (c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9")) || c == UInt8(ascii: ".") || c == UInt8(ascii: "_") || c == UInt8(ascii: "-")
        }
    }
}
