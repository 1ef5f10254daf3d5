import Shared

/// What nova-rag's health route reports: readiness and collection sizes.
///
/// Documentation retrieval is not built yet (issue 9): the docs collection is empty and the service is ready as
/// soon as the code cache is open.
struct RAGStatus: Sendable {
    /// The resolved data directory.
    let persistentPath: String
    /// The code cache, once open.
    let codeCache: CodeCacheSlot

    /// The `/health` document.
    func health() -> RAGHealth {
        let cache = codeCache.cache
        return RAGHealth(ready: cache != nil, documentsLoaded: 0, codeCacheEntries: cache?.count ?? 0, persistentPath: persistentPath)
    }
}
