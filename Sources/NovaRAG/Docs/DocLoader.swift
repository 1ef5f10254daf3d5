import Logging
import NovaCore
import RAGCore
import ServiceLifecycle

/// Loads the documentation in the background once the code cache is open (the database is then migrated), so the
/// server accepts connections (and `/health` says `initializing`) meanwhile (docs/api.md §2.2). If the load fails,
/// the chunks already stored for the current model are served instead; if even that fails, both are retried
/// every few seconds.
struct DocLoader: Service {
    let library: DocLibrary
    let codeCache: CodeCacheSlot
    let logger: Logger
    var retryDelay: Duration = .seconds(5)

    func run() async throws {
        try await cancelWhenGracefulShutdown {
            while codeCache.cache == nil { try await Task.sleep(for: .milliseconds(10)) }
            await loadFirst()
            try await gracefulShutdown()
        }
    }

    private func loadFirst() async {
        while !Task.isCancelled {
            do {
                let report = try await library.reload()
                DocReloadLog.record(report, as: "documentation loaded", logger: logger)
                return
            } catch {
                logger.error("documentation load failed", metadata: ["error": .string(String(describing: error))])
            }
            do {
                let count = try await library.serveStored()
                logger.warning("serving the stored documentation chunks; POST /rag/reload retries the load", metadata: ["chunks": "\(count)"])
                return
            } catch {
                logger.error("cannot read the stored documentation", metadata: ["error": .string(String(describing: error))])
            }
            try? await Task.sleep(for: retryDelay)
        }
    }
}
