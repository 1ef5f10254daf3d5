/// Why a semantic search gave no candidates: nova-rag unreachable (breaker open, timeout, connection) or a failed
/// search (docs/api.md §4.6 `fallback_reason` `rag_unavailable` / `search_failed`).
package enum SemanticSearchFailure: Error, Sendable, Equatable {
    /// nova-rag could not be reached or its breaker is open.
    case unavailable(String)
    /// nova-rag answered but the search failed.
    case failed(String)
}
