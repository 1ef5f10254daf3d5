import Logging
import NovaCore
import NovaStorage
import RAGCore

/// Opens the documentation store on `database`, applying nova-rag's migrations; a PostgreSQL pool must be running.
func openDocChunkStore(_ database: SQLDatabase, logger: Logger) async throws -> any DocChunkStore {
    try await RAGMigrations.migrate(database, logger: logger)
    return SQLDocChunkStore(db: database.executor(logger: logger))
}
