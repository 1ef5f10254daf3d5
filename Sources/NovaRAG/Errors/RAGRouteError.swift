/// Why a nova-rag route refused a request; ``RAGErrorMapping`` gives each its status and the contract's message
/// (docs/api.md §2).
enum RAGRouteError: Error, Equatable {
    /// The semantic code cache is still opening.
    case codeCacheNotReady
    /// No code entry has the id asked for.
    case codeEntryNotFound
    /// A destructive route while no `RAG_API_KEY` is set and admin routes are not explicitly open (D8).
    case adminDisabled
    /// `/rag/reload` before the first documentation load finished.
    case vectorStoreNotReady
    /// The documentation search failed (the embedder, say); the description of what failed.
    case documentationSearchFailed(String)
    /// Reloading the documentation failed; the description of what failed.
    case documentationReloadFailed(String)
}
