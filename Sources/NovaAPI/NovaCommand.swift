import ArgumentParser

/// The `nova` executable: the workflow API and its workers.
@main
struct NovaCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nova",
        abstract: "Nova: workflows whose steps are Python code written once by an LLM and reused from a cache.",
        subcommands: [ServeCommand.self, WorkerCommand.self, MigrateCommand.self],
        defaultSubcommand: ServeCommand.self
    )
}
