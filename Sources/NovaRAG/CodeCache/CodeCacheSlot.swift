import NovaCore
import RAGCore
import ServiceKit

/// Holds the semantic code cache once it is open; until then the `/code/*` routes answer 503 (docs/api.md §2.7).
final class CodeCacheSlot: Sendable {
    private let slot = ReadWriteLocked<SemanticCodeCache?>(nil)

    /// Makes the cache available to the routes.
    func install(_ cache: SemanticCodeCache) {
        slot.write { $0 = cache }
    }

    /// The open cache, or nil while it is opening.
    var cache: SemanticCodeCache? { slot.read { $0 } }

    /// The open cache, or a 503 `Code cache service not initialized`.
    func require() throws -> SemanticCodeCache {
        guard let cache else { throw RAGRouteError.codeCacheNotReady }
        return cache
    }
}
