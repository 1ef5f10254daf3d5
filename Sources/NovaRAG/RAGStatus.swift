import NovaCore
import RAGCore
import Shared

/// What nova-rag's health route reports: readiness and collection sizes.
///
/// Ready means the code cache is open and the first documentation load has finished (docs/api.md §2.2).
struct RAGStatus: Sendable {
    /// The resolved data directory.
    let persistentPath: String
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
            persistentPath: persistentPath)
    }
}
