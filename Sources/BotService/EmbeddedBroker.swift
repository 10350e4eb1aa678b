import KafkaTransport
import Logging

/// librdkafka's mock cluster with the service's topics created, for the embedded mode, `kolbot broker` and tests.
public enum EmbeddedBroker {
    /// Starts a mock cluster and creates `topics`, each with `partitions` partitions.
    public static func start(brokers: Int = 1, partitions: Int = 6, topics: [String], logger: Logger) throws -> MockCluster {
        let cluster = try MockCluster(brokers: brokers, logger: logger)
        for topic in topics {
            try cluster.createTopic(topic, partitions: partitions)
        }
        return cluster
    }

    /// The topics of a configuration: questions, answers, dead letters and the state changelog.
    public static func topics(of configuration: ServiceConfiguration) -> [String] {
        [configuration.questionsTopic, configuration.answersTopic, configuration.deadLetterTopic, configuration.stateTopic]
    }
}
