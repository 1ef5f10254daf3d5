import ServiceKit

/// Destructive routes (`/code/clear`, `DELETE /code/entries/{id}`, `/rag/reload`) are refused with 403 while no
/// `RAG_API_KEY` is configured, unless nova-rag was started with `--allow-unauthenticated-admin` (contract D8).
/// With a key, ``ServiceTokenMiddleware`` has already checked the caller.
struct AdminGate: Sendable {
    let keyConfigured: Bool
    let allowUnauthenticated: Bool

    func check() throws {
        guard keyConfigured || allowUnauthenticated else {
            throw ServiceError(.forbidden, "Admin routes disabled: RAG_API_KEY not set")
        }
    }
}
