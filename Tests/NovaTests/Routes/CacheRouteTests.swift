import Foundation
import HTTPTypes
import HummingbirdTesting
import NovaCore
import NovaJSON
import Testing

@Suite("Exact cache routes")
struct CacheRouteTests {
    /// Entry 1 (key a…, cost 0.5) reused twice, the second time failing; entry 2 (key b…, no cost) created 200 days ago, never used.
    private func seeded(_ backend: Backend) async throws -> NovaApp.Database {
        let database = try await NovaApp.Database(backend)
        try await database.seed { stores in
            let now = Date()
            let a = try await stores.exactCache.insertIfAbsent(ExactCacheFixtures.draft(workflowID: nil, seed: "a", cost: 0.5), at: now)
            _ = try await stores.exactCache.insertIfAbsent(
                ExactCacheFixtures.draft(workflowID: nil, seed: "b", cost: nil), at: now.addingTimeInterval(-200 * 86_400))
            _ = try await stores.exactCache.recordReuse(id: a?.id ?? 0, success: true, executionTimeMs: 200, at: now)
            _ = try await stores.exactCache.recordReuse(id: a?.id ?? 0, success: false, executionTimeMs: 1, at: now)
        }
        return database
    }

    @Test("stats sum hits, savings and outcomes and list the top codes with short keys", arguments: Backend.available)
    func stats(backend: Backend) async throws {
        try await NovaApp.run(try await seeded(backend)) { client in
            let (status, stats) = try await client.call(.get, "/cache/stats")
            #expect(status == .ok)
            #expect(stats?["total_cached_codes"] == .int(2))
            #expect(stats?["total_cache_hits"] == .int(2))
            #expect(stats?["total_cost_saved_usd"] == .int(1) || stats?["total_cost_saved_usd"] == .double(1))
            #expect(stats?["avg_reuse_per_code"] == .int(1) || stats?["avg_reuse_per_code"] == .double(1))
            #expect(stats?["total_successes"] == .int(3))
            #expect(stats?["total_failures"] == .int(1))
            #expect(stats?["overall_success_rate"] == .double(0.75))
            let top = try #require(stats?["top_codes"]?.arrayValue)
            #expect(top.first?["cache_key"] == .string(String(repeating: "a", count: 16) + "..."))
            #expect(top.first?["node_id"] == .string("read_email"))
            #expect(top.first?["workflow_id"] == .null)
        }
    }

    @Test("entries are listed most reused first with the contract's fields; one entry adds code and prompt", arguments: Backend.available)
    func entries(backend: Backend) async throws {
        try await NovaApp.run(try await seeded(backend)) { client in
            let (_, page) = try await client.call(.get, "/cache/entries?limit=5000")
            #expect(page?["limit"] == .int(1000))
            #expect(page?["offset"] == .int(0))
            #expect(page?["total"] == .int(2))
            let first = try #require(page?["entries"]?.arrayValue?.first)
            #expect(first["times_reused"] == .int(2))
            #expect(first["success_rate"] == .double(2.0 / 3.0))
            #expect(first["created_at"]?.stringValue?.hasSuffix("+00:00") == true)
            #expect(first["generated_code"] == nil)
            let second = try #require(page?["entries"]?.arrayValue?.last)
            #expect(second["cost_usd"] == .null)
            #expect(second["last_used_at"] == .null)
            let key = String(repeating: "a", count: 64)
            let (status, detail) = try await client.call(.get, "/cache/entries/\(key)")
            #expect(status == .ok)
            #expect(detail?["generated_code"] == .string("print('a')"))
            #expect(detail?["original_prompt"] == .string("Read the email a"))
            #expect(
                try await client.call(.get, "/cache/entries/nope") == (
                    .notFound, .object(["error": .string("Cache entry not found"), "status_code": .int(404)])
                ))
            #expect(try await client.call(.get, "/cache/entries?offset=-1").0 == .unprocessableContent)
        }
    }

    @Test("delete answers 204 even for an unknown key; cleanup removes entries unused for days_old days (D25)", arguments: Backend.available)
    func deletion(backend: Backend) async throws {
        try await NovaApp.run(try await seeded(backend)) { client in
            let (cleaned, answer) = try await client.call(.delete, "/cache/cleanup?days_old=90")
            #expect(cleaned == .ok)
            #expect(answer == .object(["deleted_count": .int(1), "days_old": .int(90)]))
            let key = String(repeating: "a", count: 64)
            #expect(try await client.execute(uri: "/cache/entries/\(key)", method: .delete) { $0.status } == .noContent)
            #expect(try await client.execute(uri: "/cache/entries/\(key)", method: .delete) { $0.status } == .noContent)
            #expect(try await client.call(.get, "/cache/stats").1?["total_cached_codes"] == .int(0))
            #expect(try await client.call(.delete, "/cache/cleanup?days_old=-1").0 == .unprocessableContent)
        }
    }

    @Test("with EXACT_CACHE_TTL_SECONDS set, expired entries are purged before the routes answer", arguments: Backend.available)
    func expiry(backend: Backend) async throws {
        try await NovaApp.run(try await seeded(backend), ["EXACT_CACHE_TTL_SECONDS": String(30 * 86_400)]) { client in
            let (_, listing) = try await client.call(.get, "/cache/entries")
            #expect(listing?["total"] == .int(1))
            #expect(try await client.call(.get, "/cache/entries/" + String(repeating: "b", count: 64)).0 == .notFound)
            let (_, stats) = try await client.call(.get, "/cache/stats")
            #expect(stats?["total_cached_codes"] == .int(1))
            #expect(stats?["code_sources"]?["total_prompt_nodes"] == .int(0))
            #expect(stats?["code_sources"]?["by_source"]?["exact_hit"]?["nodes"] == .int(0))
        }
    }
}
