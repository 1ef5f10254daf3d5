import Logging
import NovaStorage

/// Applies ``NovaSchema`` to either backend (PostgreSQL versions recorded in `schema_migrations`) and refuses a
/// database whose schema is newer than this binary.
enum NovaMigrations {
    private static let migrator = SQLMigrator(postgresTable: "schema_migrations", migrations: NovaSchema.migrations)

    /// The newest version this binary knows.
    static var latestVersion: Int { migrator.latestVersion }

    /// Migrates `database`; returns the schema version it is at afterwards. The PostgreSQL pool must be running.
    @discardableResult
    static func migrate(_ database: SQLDatabase, logger: Logger) async throws -> Int {
        try await migrator.migrate(database, logger: logger)
        return latestVersion
    }
}
