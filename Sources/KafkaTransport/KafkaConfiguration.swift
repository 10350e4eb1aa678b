internal import CRdKafka

/// librdkafka properties for one client, passed through unchanged (`bootstrap.servers`, `group.id`, `sasl.*`, ...).
public struct KafkaConfiguration: Sendable, Equatable {
    /// The properties, by librdkafka name.
    public var properties: [String: String]

    /// Creates a configuration from librdkafka properties.
    public init(_ properties: [String: String] = [:]) {
        self.properties = properties
    }

    /// Reads or sets one property.
    public subscript(key: String) -> String? {
        get { properties[key] }
        set { properties[key] = newValue }
    }

    /// A copy with `other`'s properties set over these.
    public func merging(_ other: [String: String]) -> KafkaConfiguration {
        KafkaConfiguration(properties.merging(other) { _, new in new })
    }

    /// True for properties whose values must never be logged or printed (passwords, keys, secrets, tokens).
    public static func isSecret(_ key: String) -> Bool {
        let k = key.lowercased()
        return ["password", "secret", "sasl.jaas.config", "sasl.oauthbearer.config", "ssl.key.pem",
                "ssl_key", "ssl.keystore", "token", "credential"].contains { k.contains($0) }
    }

    /// The properties sorted by name, with secret values replaced by `[redacted]`.
    public var redacted: [(key: String, value: String)] {
        properties.keys.sorted().map { ($0, Self.isSecret($0) ? "[redacted]" : properties[$0]!) }
    }

    /// Checks every property with librdkafka without creating a client.
    /// - Returns: self.
    /// - Throws: A ``KafkaError`` naming the first property librdkafka rejects.
    public func validated() throws -> KafkaConfiguration {
        rd_kafka_conf_destroy(try makeNativeConfig())
        return self
    }

    /// Builds an `rd_kafka_conf_t`. The caller owns it until `rd_kafka_new` succeeds.
    /// - Throws: A ``KafkaError`` naming the property librdkafka rejected.
    func makeNativeConfig() throws -> OpaquePointer {
        let conf = rd_kafka_conf_new()!
        var errstr = [CChar](repeating: 0, count: 512)
        for key in properties.keys.sorted() {
            let result = rd_kafka_conf_set(conf, key, properties[key]!, &errstr, errstr.count)
            if result != RD_KAFKA_CONF_OK {
                rd_kafka_conf_destroy(conf)
                let reason = String(decoding: errstr.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
                throw KafkaError("invalid Kafka setting \(key): \(reason)")
            }
        }
        return conf
    }
}
