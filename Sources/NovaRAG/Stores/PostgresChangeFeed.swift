import Logging
import NovaCore
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
            try await connection.listen(on: PostgresCodeEntryStore.changeChannel) { notifications in
                try await cache.apply(.reload)
                for try await notification in notifications {
                    try await cache.apply(CodeEntryChange(payload: notification.payload))
                }
            }
        }
    }
}
