import ArgumentParser
import Hummingbird
import Logging
import ServiceKit

/// `nova-rag serve`: runs the HTTP service until SIGTERM or SIGINT.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "serve", abstract: "Run the nova-rag HTTP service.")

    @Option(help: "Interface to bind (overrides HOST).") var host: String?
    @Option(help: "Port to listen on (overrides PORT).") var port: Int?
    @Flag(help: "Allow destructive routes (/code/clear, DELETE /code/entries/{id}, /rag/reload) without RAG_API_KEY.")
    var allowUnauthenticatedAdmin = false

    func run() async throws {
        try await runReportingStartupErrors(label: "nova-rag") {
            var (config, logger) = try RAGConfig.startup()
            if let host { config.listen.host = host }
            if let port { config.listen.port = port }
            config.allowUnauthenticatedAdmin = allowUnauthenticatedAdmin
            let app = try await buildApplication(config: config, logger: logger)
            try await app.runService()
        }
    }
}
