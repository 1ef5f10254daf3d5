import Logging
import NovaCore
import NovaStorage
import RAGCore

/// Opens the code-entry store on `database`, applying nova-rag's migrations; a PostgreSQL pool must be running.
func openCodeEntryStore(_ database: SQLDatabase, logger: Logger) async throws -> any CodeEntryStore {
    try await RAGMigrations.migrate(database, logger: logger)
    return SQLCodeEntryStore(db: database.executor(logger: logger))
}

/// Runs `body` with the code-entry store of `database`, running the PostgreSQL pool meanwhile (for commands).
func withStore(_ database: SQLDatabase, logger: Logger, _ body: @Sendable (any CodeEntryStore) async throws -> Void) async throws {
    try await database.whileRunning { try await body(try await openCodeEntryStore(database, logger: logger)) }
}
