import Foundation
import KafkaTransport
import Logging

/// Makes sure the gateway's reply topic exists before any question names it in `reply_to`.
enum ReplyTopic {
    /// Asks for the topic's metadata with the reply reader, a consumer, which does not ask the brokers to
    /// auto-create topics (`allow.auto.create.topics=false`); if the topic is missing, creates it with CreateTopics
    /// (1 partition, `retention.ms` of an hour by default). librdkafka 2.0.2's mock cluster has no CreateTopics
    /// (the call times out waiting for a controller) but creates any topic a metadata request names, so there
    /// the first step already makes it.
    /// - Returns: the partition count of the topic.
    /// - Throws: A ``KafkaError`` when the topic neither exists nor can be created.
    static func ensure(_ configuration: GatewayConfiguration, reader: KafkaConsumer, logger: Logger) throws -> Int {
        let topic = configuration.replyTopic
        if let partitions = try? reader.partitionCount(of: topic, timeoutMs: 10_000) {
            logger.info("reply topic exists", metadata: ["topic": "\(topic)", "partitions": "\(partitions)"])
            return partitions
        }
        do {
            let admin = try KafkaAdmin(configuration: KafkaConfiguration(ServiceProperties.adminSubset(configuration.producerProperties)), logger: logger)
            try admin.createTopics([NewTopic(name: topic, partitions: configuration.replyTopicPartitions,
                                             config: ["retention.ms": String(configuration.replyTopicRetentionMs)])], timeoutMs: 15_000)
        } catch let error as KafkaError {
            throw KafkaError("cannot create the reply topic \(topic): \(error); create it yourself (1 partition) or allow this client to create topics")
        }
        // The new topic's metadata reaches every broker shortly after CreateTopics returns.
        var lastError: any Error = KafkaError("topic \(topic) not found")
        for _ in 0..<20 {
            do {
                let partitions = try reader.partitionCount(of: topic, timeoutMs: 5_000)
                logger.info("reply topic created", metadata: ["topic": "\(topic)", "partitions": "\(partitions)"])
                return partitions
            } catch {
                lastError = error
                usleep(250_000)
            }
        }
        throw KafkaError("the reply topic \(topic) was created but its metadata did not arrive: \(lastError)")
    }
}

/// Property filters for the extra clients the gateway makes.
enum ServiceProperties {
    /// An admin client is a producer handle: keep the connection and security properties, drop the producer's
    /// own tuning (idempotence, statistics) that would only add noise.
    static func adminSubset(_ properties: [String: String]) -> [String: String] {
        properties.filter { !["enable.idempotence", "acks", "linger.ms", "message.timeout.ms", "statistics.interval.ms"].contains($0.key) }
    }
}
