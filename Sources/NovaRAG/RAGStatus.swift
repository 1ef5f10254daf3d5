import NovaCore
import RAGCore
import ServiceKit
import Shared

/// What nova-rag's health route reports: readiness, collection sizes and the store's disk.
///
/// Ready means the code cache is open and the first documentation load has finished (docs/api.md §2.2).
struct RAGStatus: Sendable {
    /// The resolved data directory.
    let persistentPath: String
    /// The directory of the embedded SQLite store, whose disk each call checks; nil on PostgreSQL.
    let embeddedDirectory: String?
    /// The code cache, once open.
    let codeCache: CodeCacheSlot
    /// The documentation library.
    let docs: DocLibrary

    /// The `/health` document.
    func health() -> RAGHealth {
        let cache = codeCache.cache
        let index = docs.index
        return RAGHealth(
            ready: cache != nil && index != nil, documentsLoaded: index?.count ?? 0, codeCacheEntries: cache?.count ?? 0,
            persistentPath: persistentPath, storage: embeddedDirectory.map(DiskSpace.state(of:)) ?? "remote")
    }
}
