import ArgumentParser
import Logging
import NovaStorage
import ServiceKit

/// `nova migrate`: applies the schema migrations to the configured database and exits.
struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate", abstract: "Apply nova's database migrations (DATABASE_URL or the SQLite file under NOVA_DATA_DIR) and exit.")

    func run() async throws {
        try await runReportingStartupErrors(label: "nova") {
            let env = EnvironmentReader()
            try LoggingBootstrap.install(from: env)
            let logger = Logger(label: "nova")
            let database = try await SQLDatabase.open(try NovaConfig(env: env).database, logger: logger)
            let version = try await database.whileRunning { try await NovaMigrations.migrate(database, logger: logger) }
            logger.info("database schema is at version \(version)")
        }
    }
}
