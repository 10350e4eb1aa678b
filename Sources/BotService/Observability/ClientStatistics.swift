import Foundation

/// The parts of librdkafka's statistics JSON (`statistics.interval.ms`) the service uses.
struct ClientStatistics {
    /// Consumer lag by partition of the topic asked for (partitions whose lag is unknown are absent).
    var lag: [Int32: Int] = [:]
    /// True when at least one broker connection is up.
    var anyBrokerUp = false

    init?(json: String, topic: String) {
        guard let root = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any] else { return nil }
        if let brokers = root["brokers"] as? [String: Any] {
            anyBrokerUp = brokers.values.contains { b in
                guard let b = b as? [String: Any], let id = b["nodeid"] as? Int, id >= 0 else { return false }
                return b["state"] as? String == "UP"
            }
        }
        if let topics = root["topics"] as? [String: Any], let t = topics[topic] as? [String: Any],
           let partitions = t["partitions"] as? [String: Any] {
            for (key, value) in partitions {
                guard let p = Int32(key), p >= 0, let stats = value as? [String: Any], let consumerLag = stats["consumer_lag"] as? Int,
                      consumerLag >= 0 else { continue }
                lag[p] = consumerLag
            }
        }
    }
}
