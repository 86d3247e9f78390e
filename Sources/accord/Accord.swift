import ArgumentParser

@main
struct Accord: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "accord",
        abstract: "Accord: alliance management for biopharma.",
        subcommands: [
            Serve.self, Migrate.self, Demo.self, UserCommand.self, TokenCommand.self, AuditCommand.self, OpenAPICommand.self,
        ],
        defaultSubcommand: Serve.self)
}
