import Logging
import NovaCore
import RAGCore
import ServiceKit

/// Opens the documentation store on `database`, applying its migrations; a PostgreSQL pool must be running.
func openDocChunkStore(_ database: SQLDatabase, logger: Logger) async throws -> any DocChunkStore {
    switch database {
    case .sqlite(let pool): try await SQLiteDocChunkStore.open(pool: pool)
    case .postgres(let client): try await PostgresDocChunkStore.open(client: client, logger: logger)
    }
}
