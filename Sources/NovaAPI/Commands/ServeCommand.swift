import ArgumentParser
import Hummingbird
import Logging
import ServiceKit

/// `nova serve`: runs the API until SIGTERM or SIGINT.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "serve", abstract: "Run the nova HTTP API.")

    @Option(help: "Interface to bind (overrides HOST).") var host: String?
    @Option(help: "Port to listen on (overrides PORT).") var port: Int?
    @Flag(help: "Run no workflow workers in this process (as WORKER_CONCURRENCY=0).") var noWorkers = false

    func run() async throws {
        try await runReportingStartupErrors(label: "nova") {
            let env = EnvironmentReader()
            try LoggingBootstrap.install(from: env)
            var config = try NovaConfig(env: env)
            if let host { config.listen.host = host }
            if let port { config.listen.port = port }
            if noWorkers { config.workerConcurrency = 0 }
            let app = try await buildApplication(config: config, logger: Logger(label: "nova"))
            try await app.runService()
        }
    }
}
