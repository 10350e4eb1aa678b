import ArgumentParser
import BotService
import Foundation
import KafkaTransport
import Logging
import Yams

/// Resolves settings from flags, `KOLBOT_*` environment variables and an optional YAML file, in that order of
/// precedence, and remembers where each value came from (for `kolbot config`).
final class SettingsResolver {
    struct Entry {
        var key: String
        var value: String
        var origin: String
    }

    private let environment: [String: String]
    private let file: [String: String]
    private let fileKafka: [String: String]
    private let filePath: String?
    private(set) var entries: [Entry] = []

    /// Reads the environment and, when given (flag or `KOLBOT_CONFIG`), the YAML file.
    init(configFile flag: String?) throws {
        environment = ProcessInfo.processInfo.environment
        let path = flag ?? environment["KOLBOT_CONFIG"].flatMap { $0.isEmpty ? nil : $0 }
        filePath = path
        guard let path else {
            file = [:]
            fileKafka = [:]
            return
        }
        let text: String
        do { text = try String(contentsOfFile: path, encoding: .utf8) } catch {
            throw ConfigurationError("invalid setting config: cannot read \(path)")
        }
        let root: Any?
        do { root = try Yams.load(yaml: text) } catch {
            throw ConfigurationError("invalid setting config: \(path) is not valid YAML: \(error)")
        }
        guard let map = root as? [String: Any] else {
            if root == nil { file = [:]; fileKafka = [:]; return }
            throw ConfigurationError("invalid setting config: \(path) must hold a mapping of settings")
        }
        var values: [String: String] = [:]
        var kafka: [String: String] = [:]
        for (key, value) in map {
            let name = key.replacingOccurrences(of: "_", with: "-")
            if name == "kafka" {
                guard let properties = value as? [String: Any] else {
                    throw ConfigurationError("invalid setting kafka in \(path): must be a mapping of librdkafka properties")
                }
                for (k, v) in properties { kafka[k] = "\(v)" }
            } else if value is [Any] || value is [String: Any] {
                throw ConfigurationError("invalid setting \(name) in \(path): must be a single value")
            } else {
                values[name] = "\(value)"
            }
        }
        file = values
        fileKafka = kafka
    }

    /// The environment variable of a setting: `questions-topic` → `KOLBOT_QUESTIONS_TOPIC`.
    static func environmentName(_ key: String) -> String {
        "KOLBOT_" + key.uppercased().replacingOccurrences(of: "-", with: "_")
    }

    /// A setting's raw value and origin: the flag, else the environment, else the file.
    func raw(_ key: String, flag: String?) -> (value: String, origin: String)? {
        if let flag { return (flag, "flag --\(key)") }
        let env = Self.environmentName(key)
        if let v = environment[env], !v.isEmpty { return (v, "env \(env)") }
        if let v = file[key], let filePath { return (v, "file \(filePath)") }
        return nil
    }

    /// The brokers setting, validated: nil when none is set anywhere (an environment variable set to an empty
    /// value counts as set, so a deployment whose variable lost its value fails instead of running detached).
    /// - Throws: one line naming the setting when the value is empty or not `host:port[,host:port...]`.
    func brokers(flag: String?) throws -> String? {
        let env = Self.environmentName("brokers")
        let found: (value: String, origin: String)?
        if let flag {
            found = (flag, "flag --brokers")
        } else if let v = environment[env] {
            found = (v, "env \(env)")
        } else if let v = file["brokers"], let filePath {
            found = (v, "file \(filePath)")
        } else {
            found = nil
        }
        guard let (value, origin) = found else { return nil }
        let list = value.trimmingCharacters(in: .whitespaces)
        guard !list.isEmpty else {
            throw ConfigurationError("invalid setting brokers (\(origin)): empty; give host:port[,host:port...], or leave it unset for an embedded broker")
        }
        for entry in list.split(separator: ",", omittingEmptySubsequences: false) {
            let address = entry.trimmingCharacters(in: .whitespaces)
            let withoutScheme = address.split(separator: "://", maxSplits: 1).last.map(String.init) ?? address
            guard let colon = withoutScheme.lastIndex(of: ":"), colon != withoutScheme.startIndex,
                  let port = Int(withoutScheme[withoutScheme.index(after: colon)...]), (1...65535).contains(port) else {
                throw ConfigurationError("invalid setting brokers (\(origin)): '\(address)' is not host:port")
            }
        }
        record("brokers", list, origin)
        return list
    }

    /// A string setting.
    func string(_ key: String, flag: String?, default value: String? = nil) -> String? {
        if let (v, origin) = raw(key, flag: flag) {
            record(key, v, origin)
            return v
        }
        if let value { record(key, value, "default") }
        return value
    }

    /// A number setting, checked with `isValid`.
    /// - Throws: one line naming the setting when the value is not a number or not valid.
    func number<T: LosslessStringConvertible>(_ key: String, flag: String?, default value: T, _ expectation: String,
                                               isValid: (T) -> Bool) throws -> T {
        guard let (text, origin) = raw(key, flag: flag) else {
            record(key, "\(value)", "default")
            return value
        }
        guard let parsed = T(text.trimmingCharacters(in: .whitespaces)), isValid(parsed) else {
            throw ConfigurationError("invalid setting \(key) (\(origin)): '\(text)' is not \(expectation)")
        }
        record(key, "\(parsed)", origin)
        return parsed
    }

    /// One of a fixed set of words.
    func choice(_ key: String, flag: String?, default value: String, among choices: [String]) throws -> String {
        guard let (text, origin) = raw(key, flag: flag) else {
            record(key, value, "default")
            return value
        }
        guard choices.contains(text) else {
            throw ConfigurationError("invalid setting \(key) (\(origin)): '\(text)' is not one of \(choices.joined(separator: ", "))")
        }
        record(key, text, origin)
        return text
    }

    /// librdkafka properties: the file's `kafka:` map, then `KOLBOT_KAFKA_<KEY>` variables, then `-X` flags.
    func kafkaProperties(flags: [String]) throws -> [String: String] {
        var result: [String: (String, String)] = [:]
        for (k, v) in fileKafka { result[k] = (v, "file \(filePath ?? "")") }
        for (k, v) in environment where k.hasPrefix("KOLBOT_KAFKA_") {
            let name = k.dropFirst("KOLBOT_KAFKA_".count).lowercased().replacingOccurrences(of: "_", with: ".")
            if !name.isEmpty { result[name] = (v, "env \(k)") }
        }
        for p in flags {
            guard let eq = p.firstIndex(of: "="), eq != p.startIndex else {
                throw ConfigurationError("invalid setting -X: expected key=value, got '\(p.split(separator: "=").first ?? "")'")
            }
            result[String(p[..<eq])] = (String(p[p.index(after: eq)...]), "flag -X")
        }
        for (k, v) in result.sorted(by: { $0.key < $1.key }) { record("kafka." + k, v.0, v.1) }
        return result.mapValues(\.0)
    }

    private func record(_ key: String, _ value: String, _ origin: String) {
        entries.removeAll { $0.key == key }
        entries.append(Entry(key: key, value: value, origin: origin))
    }

    /// The resolved settings, one `key = value  (origin)` line each, secrets redacted.
    var report: String {
        let width = entries.map(\.key.count).max() ?? 0
        return entries.map { e in
            let secret = KafkaConfiguration.isSecret(e.key)
            let value = secret ? "[redacted]" : e.value
            return e.key.padding(toLength: width, withPad: " ", startingAt: 0) + " = " + value + "  (" + e.origin + ")"
        }.joined(separator: "\n")
    }
}

/// A setting that cannot be used; printed as one line naming the setting.
struct ConfigurationError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// Connection settings shared by the commands: brokers, topics, librdkafka properties, the config file.
struct ConnectionOptions: ParsableArguments {
    @Option(name: .long, help: "A YAML file of settings (keys as the long flags, librdkafka properties under `kafka:`). Env: KOLBOT_CONFIG.")
    var config: String?

    @Option(name: .long, help: "Bootstrap servers, host:port[,host:port]. Env: KOLBOT_BROKERS. An empty or malformed value is an error.")
    var brokers: String?

    @Option(name: .long, help: "Questions topic. Env: KOLBOT_QUESTIONS_TOPIC. Default: kolbot.questions.")
    var questionsTopic: String?

    @Option(name: .long, help: "Answers topic. Env: KOLBOT_ANSWERS_TOPIC. Default: kolbot.answers.")
    var answersTopic: String?

    @Option(name: .customLong("dlq-topic"), help: "Dead-letter topic. Env: KOLBOT_DLQ_TOPIC. Default: kolbot.questions.dlq.")
    var deadLetterTopic: String?

    @Option(name: .long, help: "Conversation state changelog topic (compacted, co-partitioned with the questions). Env: KOLBOT_STATE_TOPIC. Default: kolbot.state.")
    var stateTopic: String?

    @Option(name: .customShort("X"), parsing: .unconditionalSingleValue,
            help: ArgumentHelp("A librdkafka property, key=value (repeatable). Env: KOLBOT_KAFKA_<KEY> with dots as underscores.",
                               valueName: "key=value"))
    var properties: [String] = []

    /// Resolves the connection settings into a service configuration; `brokers` is empty when none is set.
    func resolve(_ settings: SettingsResolver) throws -> (configuration: ServiceConfiguration, embedded: Bool) {
        let brokers = try settings.brokers(flag: self.brokers)
        var c = ServiceConfiguration(brokers: brokers ?? "")
        c.questionsTopic = try topic(settings, "questions-topic", questionsTopic, c.questionsTopic)
        c.answersTopic = try topic(settings, "answers-topic", answersTopic, c.answersTopic)
        c.deadLetterTopic = try topic(settings, "dlq-topic", deadLetterTopic, c.deadLetterTopic)
        c.stateTopic = try topic(settings, "state-topic", stateTopic, c.stateTopic)
        c.kafka = try settings.kafkaProperties(flags: properties)
        return (c, brokers == nil)
    }

    private func topic(_ settings: SettingsResolver, _ key: String, _ flag: String?, _ value: String) throws -> String {
        let name = settings.string(key, flag: flag, default: value) ?? value
        guard TopicName.isValid(name) else { throw ConfigurationError("invalid setting \(key): '\(name)' is not a valid topic name") }
        return name
    }
}

/// Logging settings.
struct LogOptions: ParsableArguments {
    @Option(name: .long, help: "Log level: trace, debug, info, notice, warning, error, critical. Env: KOLBOT_LOG_LEVEL.")
    var logLevel: String?

    @Option(name: .long, help: "Log format: logfmt or json. Env: KOLBOT_LOG_FORMAT. Default: logfmt.")
    var logFormat: String?

    /// The level and format (JSON or logfmt) from flags, environment or file.
    func resolve(_ settings: SettingsResolver, defaultLevel: Logger.Level = .info) throws -> (level: Logger.Level, json: Bool) {
        let level = try settings.choice("log-level", flag: logLevel?.lowercased(), default: defaultLevel.rawValue,
                                        among: Logger.Level.allCases.map(\.rawValue))
        let format = try settings.choice("log-format", flag: logFormat, default: "logfmt", among: ["logfmt", "json"])
        return (Logger.Level(rawValue: level)!, format == "json")
    }

    /// Sends logs to standard error (stdout carries each command's output) and returns the root logger.
    func bootstrap(label: String, settings: SettingsResolver, defaultLevel: Logger.Level = .info) throws -> Logger {
        let (level, json) = try resolve(settings, defaultLevel: defaultLevel)
        LoggingSystem.bootstrap { label in
            var handler = LineLogHandler(label: label, json: json)
            handler.logLevel = level
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
