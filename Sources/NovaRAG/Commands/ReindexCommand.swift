import ArgumentParser
import Logging
import NovaCore
import NovaStorage
import ServiceKit

/// `nova-rag reindex`: re-embeds every code-cache entry with the configured embedder and records its model, so a
/// store made with another model (or dimension) can be opened again. Run it with the service stopped.
struct ReindexCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reindex", abstract: "Re-embed every code-cache entry with the configured EMBEDDING_PROVIDER (service stopped).")

    func run() async throws {
        try await runReportingStartupErrors(label: "nova-rag") {
            let (config, logger) = try RAGConfig.startup()
            let embedder = try config.embedding.makeEmbedder()
            let database = try await SQLDatabase.open(config.database, logger: logger)
            try await withStore(database, logger: logger) { store in
                let count = try await store.reindex(with: embedder)
                logger.info("reindexed", metadata: ["entries": .stringConvertible(count), "model": .string(embedder.modelName)])
            }
        }
    }
}
