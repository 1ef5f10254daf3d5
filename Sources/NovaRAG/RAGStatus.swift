import Shared

/// What nova-rag's health route reports: readiness and collection sizes.
///
/// Documentation retrieval and the semantic code cache are not built yet (issues 4 and 9): both collections
/// are empty and the store is ready as soon as its database is open.
struct RAGStatus: Sendable {
    /// The resolved data directory.
    let persistentPath: String

    /// The `/health` document.
    func health() async -> RAGHealth {
        RAGHealth(ready: true, documentsLoaded: 0, codeCacheEntries: 0, persistentPath: persistentPath)
    }
}
