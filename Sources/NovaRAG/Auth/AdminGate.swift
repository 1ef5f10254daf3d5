/// Destructive routes (`/code/clear`, `DELETE /code/entries/{id}`, `/rag/reload`) are refused with 403 while no
/// `RAG_API_KEY` is configured, unless nova-rag was started with `--allow-unauthenticated-admin` (docs/api.md D8).
/// With a key, ``ServiceTokenMiddleware`` has already checked the caller. Result reports evict an entry only with
/// admin authority too (``permitsAdmin``).
struct AdminGate: Sendable {
    let keyConfigured: Bool
    let allowUnauthenticated: Bool

    /// Whether the caller has admin authority: a key is configured (and was checked) or admin is explicitly open.
    var permitsAdmin: Bool { keyConfigured || allowUnauthenticated }

    func check() throws {
        guard permitsAdmin else { throw RAGRouteError.adminDisabled }
    }
}
