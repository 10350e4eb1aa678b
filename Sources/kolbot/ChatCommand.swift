import ArgumentParser
import BotCore
import BotService
import Foundation
import KafkaTransport
import Logging

/// `kolbot chat`: an interactive terminal client over Kafka.
struct ChatCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chat",
        abstract: "Chat with the bot through Kafka: each line is produced as a question, the answer printed when it arrives.",
        discussion: """
            Without --brokers (and KOLBOT_BROKERS) it starts an embedded broker and the answering service in this \
            process, so one command gives a working bot; other terminals can join with the printed --brokers address. \
            Type /quit (or end the input) to leave.
            """
    )

    @OptionGroup var connection: ConnectionOptions

    @Option(name: .long, help: "Your user id (the record key). Default: a random one.")
    var user: String?

    @Option(name: .long, help: "Ask for answers in this language: id or en. Default: detected.")
    var lang: Language?

    @Option(name: .long, help: "Seconds to wait for each answer.")
    var timeout: Double = 30

    @OptionGroup var pack: PackLocation
    @OptionGroup var log: LogOptions

    func run() throws {
        let settings = try SettingsResolver(configFile: connection.config)
        let logger = try log.bootstrap(label: "kolbot.chat", settings: settings, defaultLevel: .warning)
        var (configuration, embedded) = try connection.resolve(settings)
        var cluster: MockCluster?
        var worker: AnswerWorker?
        if embedded {
            let embedded = try EmbeddedBroker.start(topics: EmbeddedBroker.topics(of: configuration), logger: logger)
            configuration.brokers = embedded.bootstrapServers
            configuration.kafka = ServiceConfiguration.embeddedDefaults.merging(configuration.kafka) { _, flag in flag }
            let service = AnswerWorker(configuration: configuration, pack: try pack.load(), logger: logger)
            try service.start()
            cluster = embedded
            worker = service
            print("KOLBot is running on an embedded broker at \(embedded.bootstrapServers)")
            print("(other terminals: kolbot chat --brokers \(embedded.bootstrapServers))")
        }
        defer {
            worker?.stop()
            try? worker?.join()
            withExtendedLifetime(cluster) {}
        }
        let user = self.user ?? "chat-\(UInt32.random(in: 0...UInt32.max))"
        let reader = try AnswerReader(brokers: configuration.brokers, topic: configuration.answersTopic, kafka: configuration.kafka, logger: logger)
        let producer = try KafkaProducer(
            configuration: KafkaConfiguration(["bootstrap.servers": configuration.brokers, "linger.ms": "0"]
                .merging(ServiceConfiguration.producerSubset(of: configuration.kafka)) { _, n in n }),
            logger: logger) { report in
                if let error = report.error { print("(question not delivered: \(error))") }
            }
        defer { producer.close(timeoutMs: 2_000) }
        print("Tanya apa saja tentang influencer dan Key Opinion Leader (KOL). Ask in English too. /quit to leave.")
        var count = 0
        while true {
            print("> ", terminator: "")
            flushStandardOutput()
            guard let line = readLine() else { print(""); break }
            let text = line.trimmingCharacters(in: .whitespaces)
            if text == "/quit" || text == "/exit" { break }
            if text.isEmpty { continue }
            count += 1
            let id = "\(user)-\(count)-\(UInt16.random(in: 0...UInt16.max))"
            let question = Question(id: id, user: user, text: text, language: lang)
            try producer.send(OutboundMessage(topic: configuration.questionsTopic, key: Array(user.utf8), value: question.encoded()), token: 0)
            producer.poll(timeoutMs: 0)
            let deadline = Date().addingTimeInterval(timeout)
            var answered = false
            while !answered && Date() < deadline {
                producer.poll(timeoutMs: 0)
                for answer in try reader.poll(timeoutMs: 50) where answer.inReplyTo == id {
                    print(answer.text)
                    if !answer.suggestions.isEmpty {
                        print(answer.lang == "en" ? "  You could ask: " : "  Coba tanya: ", terminator: "")
                        print(answer.suggestions.joined(separator: " | "))
                    }
                    answered = true
                }
            }
            if !answered { print("(no answer within \(Int(timeout)) s: is `kolbot serve` running against these brokers?)") }
        }
    }
}
