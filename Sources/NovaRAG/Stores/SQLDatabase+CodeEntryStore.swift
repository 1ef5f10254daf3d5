import Logging
import NovaCore
import RAGCore
import ServiceKit

/// Opens the code-entry store on `database`, applying its migrations; a PostgreSQL pool must be running.
func openCodeEntryStore(_ database: SQLDatabase, logger: Logger) async throws -> any CodeEntryStore {
    switch database {
    case .sqlite(let pool): try SQLiteCodeEntryStore(pool: pool)
    case .postgres(let client): try await PostgresCodeEntryStore.open(client: client, logger: logger)
    }
}

/// Runs `body` with the code-entry store of `database`, running the PostgreSQL pool meanwhile (for commands).
func withStore(_ database: SQLDatabase, logger: Logger, _ body: @Sendable (any CodeEntryStore) async throws -> Void) async throws {
    guard let client = database.backgroundService else {
        return try await body(try await openCodeEntryStore(database, logger: logger))
    }
    try await withThrowingTaskGroup(of: Void.self) { group in
        group.addTask { await client.run() }
        try await body(try await openCodeEntryStore(database, logger: logger))
        group.cancelAll()
    }
}
