import Logging
import NovaCore
import NovaStorage
import PostgresNIO
import RAGCore
import ServiceLifecycle

/// Keeps this replica's in-memory cache in step with the others on the same PostgreSQL database: LISTENs on the
/// change channel and applies each announced change; after (re)connecting it reloads everything, so nothing
/// announced while it was not listening is missed.
struct PostgresChangeFeed: Service {
    let client: PostgresClient
    let slot: CodeCacheSlot
    let logger: Logger

    func run() async throws {
        try await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                do {
                    try await listen()
                } catch is CancellationError {
                    return
                } catch {
                    logger.warning("change feed interrupted; reconnecting", metadata: ["error": .string(String(describing: error))])
                    try await Task.sleep(for: .seconds(1))
                }
            }
        }
    }

    private func listen() async throws {
        while slot.cache == nil { try await Task.sleep(for: .milliseconds(20)) }
        guard let cache = slot.cache else { return }
        try await client.withConnection { connection in
            try await connection.listen(on: Self.channel) { notifications in
                try await cache.apply(.reload)
                for try await notification in notifications {
                    try await cache.apply(CodeEntryChange(payload: notification.payload))
                }
            }
        }
    }
}

extension PostgresChangeFeed {
    /// The channel on which every write of ``SQLCodeEntryStore`` is announced to the other replicas.
    static let channel = "nova_rag_code_entries"

    /// The statement of a write's transaction that announces `change` once the transaction commits.
    static func announcement(_ change: CodeEntryChange) -> SQLStatement {
        SQLStatement("SELECT pg_notify(?, ?)", [channel, change.payload])
    }

    /// The statement of a write's transaction that announces `change` of the entry whose id statement `index` of the
    /// same transaction returned (a merged duplicate's id is known only then); the transaction fails with
    /// ``SQLStatementMatchedNothing`` when that statement returned no row.
    static func announcement(_ change: (String) -> CodeEntryChange, idReturnedBy index: Int) -> SQLStatement {
        SQLStatement(
            "SELECT pg_notify(?, ? || ?)",
            arguments: [.value(.text(channel)), .value(.text(change("").payload)), .returned(statement: index, column: "id")])
    }
}
