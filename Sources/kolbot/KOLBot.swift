import ArgumentParser

@main
struct KOLBot: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kolbot",
        abstract: "A knowledge chat bot on Kafka about influencers and Key Opinion Leaders.",
        subcommands: [
            ServeCommand.self, GatewayCommand.self, ChatCommand.self, BrokerCommand.self, LoadCommand.self, ConfigCommand.self,
            AskCommand.self, EvalCommand.self, IntentsCommand.self,
        ]
    )
}
