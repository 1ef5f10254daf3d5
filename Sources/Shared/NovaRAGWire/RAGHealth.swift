/// `GET /health` of nova-rag (docs/api.md §2.2).
package struct RAGHealth: Codable, Sendable, Equatable {
    /// `healthy` when ready, `initializing` while the first documentation load runs, `degraded` when ready but the
    /// store cannot take writes (``storage`` says why).
    package var status: String
    /// Ready: the code cache is open and the first documentation load has finished (also when `degraded`).
    package var vectorStoreReady: Bool
    /// Documentation chunks in the docs collection.
    package var documentsLoaded: Int
    /// Entries in the semantic code cache.
    package var codeCacheEntries: Int
    /// The resolved data directory (`NOVA_RAG_DATA_DIR`).
    package var persistentPath: String
    /// The store's disk: `ok`, `full: <n> MiB free in <dir>` or `unwritable: <dir> (<reason>)`; `remote` on PostgreSQL. Absent
    /// in the answer of a nova-rag that predates it.
    package var storage: String?

    /// Creates the document.
    package init(ready: Bool, documentsLoaded: Int, codeCacheEntries: Int, persistentPath: String, storage: String) {
        self.status = !ready ? "initializing" : StorageState.isWritable(storage) ? "healthy" : "degraded"
        self.vectorStoreReady = ready
        self.documentsLoaded = documentsLoaded
        self.codeCacheEntries = codeCacheEntries
        self.persistentPath = persistentPath
        self.storage = storage
    }

    enum CodingKeys: String, CodingKey {
        case status
        case vectorStoreReady = "vector_store_ready"
        case documentsLoaded = "documents_loaded"
        case codeCacheEntries = "code_cache_entries"
        case persistentPath = "persistent_path"
        case storage
    }
}
