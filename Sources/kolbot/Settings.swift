import ArgumentParser
import BotService
import Foundation
import Logging

/// Reads `KOLBOT_*` environment variables; flags take precedence over them.
enum Environment {
    static func value(_ name: String) -> String? {
        guard let v = ProcessInfo.processInfo.environment[name], !v.isEmpty else { return nil }
        return v
    }

    /// librdkafka properties from `KOLBOT_KAFKA_<NAME>` variables: `KOLBOT_KAFKA_SASL_PASSWORD` sets `sasl.password`.
    static func kafkaProperties() -> [String: String] {
        var result: [String: String] = [:]
        for (k, v) in ProcessInfo.processInfo.environment where k.hasPrefix("KOLBOT_KAFKA_") {
            let name = k.dropFirst("KOLBOT_KAFKA_".count).lowercased().replacingOccurrences(of: "_", with: ".")
            if !name.isEmpty { result[name] = v }
        }
        return result
    }
}

/// Kafka connection and topic settings shared by the commands.
struct KafkaOptions: ParsableArguments {
    @Option(name: .long, help: "Bootstrap servers, host:port[,host:port]. Env: KOLBOT_BROKERS. Without it, an embedded broker is started.")
    var brokers: String?

    @Option(name: .long, help: "Questions topic. Env: KOLBOT_QUESTIONS_TOPIC. Default: kolbot.questions.")
    var questionsTopic: String?

    @Option(name: .long, help: "Answers topic. Env: KOLBOT_ANSWERS_TOPIC. Default: kolbot.answers.")
    var answersTopic: String?

    @Option(name: .customLong("dlq-topic"), help: "Dead-letter topic. Env: KOLBOT_DLQ_TOPIC. Default: kolbot.questions.dlq.")
    var deadLetterTopic: String?

    @Option(name: .customShort("X"), parsing: .unconditionalSingleValue,
            help: ArgumentHelp("A librdkafka property, key=value (repeatable). Env: KOLBOT_KAFKA_<KEY> with dots as underscores.",
                               valueName: "key=value"))
    var properties: [String] = []

    var resolvedBrokers: String? { brokers ?? Environment.value("KOLBOT_BROKERS") }

    /// Applies topics and librdkafka properties to a service configuration.
    func apply(to c: inout ServiceConfiguration) throws {
        c.questionsTopic = questionsTopic ?? Environment.value("KOLBOT_QUESTIONS_TOPIC") ?? c.questionsTopic
        c.answersTopic = answersTopic ?? Environment.value("KOLBOT_ANSWERS_TOPIC") ?? c.answersTopic
        c.deadLetterTopic = deadLetterTopic ?? Environment.value("KOLBOT_DLQ_TOPIC") ?? c.deadLetterTopic
        c.kafka = try kafkaProperties()
    }

    /// `KOLBOT_KAFKA_*` variables, then `-X` flags over them.
    func kafkaProperties() throws -> [String: String] {
        var result = Environment.kafkaProperties()
        for p in properties {
            guard let eq = p.firstIndex(of: "="), eq != p.startIndex else {
                throw ValidationError("-X takes key=value, got '\(p.split(separator: "=").first ?? "")'")
            }
            result[String(p[..<eq])] = String(p[p.index(after: eq)...])
        }
        return result
    }
}

/// Logging settings.
struct LogOptions: ParsableArguments {
    @Option(name: .long, help: "Log level: trace, debug, info, notice, warning, error, critical. Env: KOLBOT_LOG_LEVEL.")
    var logLevel: String?

    /// Sends logs to standard error (stdout carries each command's output) and returns the root logger.
    func bootstrap(label: String, defaultLevel: Logger.Level = .info) throws -> Logger {
        let text = logLevel ?? Environment.value("KOLBOT_LOG_LEVEL")
        var level = defaultLevel
        if let text {
            guard let l = Logger.Level(rawValue: text.lowercased()) else {
                throw ValidationError("--log-level: unknown level '\(text)'")
            }
            level = l
        }
        let chosen = level
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = chosen
            return handler
        }
        var logger = Logger(label: label)
        logger.logLevel = level
        return logger
    }
}

/// Writes a line to standard output at once (other processes read it, e.g. the broker address).
func printFlushed(_ line: String) {
    print(line)
    flushStandardOutput()
}

/// Flushes buffered standard output.
func flushStandardOutput() {
    fflush(nil)
}
