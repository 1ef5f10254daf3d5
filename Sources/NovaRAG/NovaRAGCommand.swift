import ArgumentParser

/// The `nova-rag` executable: the semantic code cache and documentation retrieval service.
@main
struct NovaRAGCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nova-rag",
        abstract: "Vector store for Nova: semantic code cache and documentation retrieval.",
        subcommands: [ServeCommand.self, ImportCommand.self, ReindexCommand.self],
        defaultSubcommand: ServeCommand.self
    )
}
