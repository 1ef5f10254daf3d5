import Logging
import NovaStorage

/// Applies ``RAGSchema`` to either backend (PostgreSQL versions recorded in `nova_rag_schema_migrations`), once for
/// every store on the database, and refuses a database whose schema is newer than this binary.
enum RAGMigrations {
    private static let migrator = SQLMigrator(postgresTable: "nova_rag_schema_migrations", migrations: RAGSchema.migrations)

    /// Migrates `database`. The PostgreSQL pool must be running.
    static func migrate(_ database: SQLDatabase, logger: Logger) async throws {
        try await migrator.migrate(database, logger: logger)
    }
}
