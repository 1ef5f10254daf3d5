import Foundation
import NovaCore
import Testing

@Suite("Exact cache expiry and size bound")
struct ExactCachePolicyStoreTests {
    @Test("pruning deletes entries older than the TTL, then the least recently used beyond the bound", arguments: StoreBackend.available)
    func prune(backend: StoreBackend) async throws {
        try await backend.withStores { stores in
            let cache = stores.exactCache
            let day = 86_400.0
            let old = try #require(
                try await cache.insertIfAbsent(ExactCacheFixtures.draft(workflowID: nil, seed: "a"), at: TestTime.plus(seconds: -100 * day)))
            _ = try await cache.recordReuse(id: old.id, success: true, executionTimeMs: 10, at: TestTime.origin)
            let b = try #require(
                try await cache.insertIfAbsent(ExactCacheFixtures.draft(workflowID: nil, seed: "b"), at: TestTime.plus(seconds: -day)))
            _ = try await cache.insertIfAbsent(ExactCacheFixtures.draft(workflowID: nil, seed: "c"), at: TestTime.origin)
            let policy = ExactCachePolicy(ttlSeconds: 30 * 86_400, maxEntries: 3)
            #expect(policy.isExpired(old, now: TestTime.origin))
            #expect(try await cache.prune(policy, now: TestTime.origin) == 1)
            #expect(try await cache.entry(cacheKey: String(repeating: "a", count: 64)) == nil)

            _ = try await cache.insertIfAbsent(ExactCacheFixtures.draft(workflowID: nil, seed: "d"), at: TestTime.plus(seconds: 1))
            _ = try await cache.insertIfAbsent(ExactCacheFixtures.draft(workflowID: nil, seed: "e"), at: TestTime.plus(seconds: 2))
            _ = try await cache.recordReuse(id: b.id, success: true, executionTimeMs: 10, at: TestTime.plus(seconds: 3))
            #expect(try await cache.prune(policy, now: TestTime.plus(seconds: 4)) == 1)
            let kept = try await cache.entries(limit: 10, offset: 0).items.map { String($0.cacheKey.prefix(1)) }.sorted()
            #expect(kept == ["b", "d", "e"])
            #expect(try await cache.prune(.unbounded, now: TestTime.plus(seconds: 400 * day)) == 0)
        }
    }

    @Test("prompt-node outcomes add up by code source", arguments: StoreBackend.available)
    func codeSourceTotals(backend: StoreBackend) async throws {
        try await backend.withStores { stores in
            let counts = stores.codeSources
            try await counts.record(CodeSourceEvent(source: .generated, tokensInput: 400, tokensOutput: 100, costUSD: 0.003))
            try await counts.record(CodeSourceEvent(source: .exactHit, tokensSaved: 500, costSavedUSD: 0.003))
            try await counts.record(CodeSourceEvent(source: .exactHit, tokensSaved: 500, costSavedUSD: 0.003))
            try await counts.record(CodeSourceEvent(source: .semanticHit))
            let totals = try await counts.totals()
            #expect(totals.nodes == 4)
            #expect(totals.counts(.exactHit).nodes == 2)
            #expect(totals.rate(.exactHit) == 0.5)
            #expect(totals.hitRate == 0.75)
            #expect(totals.generationsAvoided == 3)
            #expect(totals.tokensSaved == 1000)
            #expect(abs(totals.costSavedUSD - 0.006) < 1e-12)
            #expect(totals.tokensSpent == 500)
            #expect(totals.counts(.failed) == CodeSourceTotals.Counts())
        }
    }
}
