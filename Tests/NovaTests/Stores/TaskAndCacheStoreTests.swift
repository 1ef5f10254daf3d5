import Foundation
import NovaCore
import NovaJSON
import Testing

@Suite("Task, exact-cache and breaker stores")
struct TaskAndCacheStoreTests {
    private func task(_ id: String, state: TaskState = .pending, updated: Date = TestTime.origin) -> TaskRecord {
        TaskRecord(taskID: id, state: state, workflowID: 1, workflowName: "W", createdAt: TestTime.origin, updatedAt: updated)
    }

    @Test("tasks are inserted once, updated by compare-and-set and purged only when finished and old", arguments: StoreBackend.available)
    func tasks(backend: StoreBackend) async throws {
        try await backend.withStores { stores in
            try await stores.tasks.insert(task("a"))
            await #expect(throws: StoreConflict.taskID("a")) { try await stores.tasks.insert(task("a")) }
            var done = task("a", state: .success, updated: TestTime.plus(seconds: 10))
            done.result = .object(["status": .string("success")])
            done.executionID = 7
            #expect(try await stores.tasks.update(done, expecting: .running) == false)
            #expect(try await stores.tasks.update(done, expecting: .pending))
            #expect(try await stores.tasks.task(id: "a") == done)
            try await stores.tasks.insert(task("b"))
            #expect(try await stores.tasks.purgeFinished(updatedBefore: TestTime.plus(seconds: 11)) == 1)
            #expect(try await stores.tasks.task(id: "a") == nil)
            #expect(try await stores.tasks.task(id: "b") != nil)
        }
    }

    @Test("the exact cache is unique per workflow and key, and a null workflow counts as one", arguments: StoreBackend.available)
    func exactUniqueness(backend: StoreBackend) async throws {
        try await backend.withStores { stores in
            let workflow = try await stores.workflows.create(
                WorkflowDraft(name: "W", description: nil, graphDefinition: .object([:])), at: TestTime.origin)
            let saved = try #require(
                try await stores.exactCache.insertIfAbsent(ExactCacheFixtures.draft(workflowID: workflow.id), at: TestTime.origin))
            #expect(saved.successCount == 1)
            #expect(saved.timesReused == 0)
            #expect(saved.lastUsedAt == nil)
            #expect(try await stores.exactCache.insertIfAbsent(ExactCacheFixtures.draft(workflowID: workflow.id), at: TestTime.origin) == nil)
            #expect(try await stores.exactCache.insertIfAbsent(ExactCacheFixtures.draft(workflowID: nil), at: TestTime.origin) != nil)
            #expect(try await stores.exactCache.insertIfAbsent(ExactCacheFixtures.draft(workflowID: nil), at: TestTime.origin) == nil)
            #expect(try await stores.exactCache.lookup(workflowID: workflow.id, cacheKey: saved.cacheKey) == saved)
            #expect(try await stores.exactCache.lookup(workflowID: nil, cacheKey: saved.cacheKey)?.workflowID == nil)
            #expect(try await stores.exactCache.lookup(workflowID: workflow.id, cacheKey: "nope") == nil)
        }
    }

    @Test("a reuse updates counts, last use and the running time average", arguments: StoreBackend.available)
    func reuse(backend: StoreBackend) async throws {
        try await backend.withStores { stores in
            let saved = try #require(try await stores.exactCache.insertIfAbsent(ExactCacheFixtures.draft(workflowID: nil), at: TestTime.origin))
            let hit = try #require(
                try await stores.exactCache.recordReuse(id: saved.id, success: true, executionTimeMs: 200, at: TestTime.plus(seconds: 3)))
            #expect(hit.timesReused == 1)
            #expect(hit.successCount == 2)
            #expect(hit.lastUsedAt == TestTime.plus(seconds: 3))
            #expect(abs((hit.avgExecutionTimeMs ?? 0) - 120) < 1e-9)
            let miss = try #require(
                try await stores.exactCache.recordReuse(id: saved.id, success: false, executionTimeMs: 5, at: TestTime.plus(seconds: 4)))
            #expect(miss.timesReused == 2)
            #expect(miss.failureCount == 1)
            #expect(miss.lastUsedAt == TestTime.plus(seconds: 3))
            #expect(try await stores.exactCache.recordReuse(id: 999, success: true, executionTimeMs: 1, at: TestTime.origin) == nil)
            #expect(try await stores.exactCache.delete(id: saved.id))
            #expect(try await stores.exactCache.delete(id: saved.id) == false)
        }
    }

    @Test("stats, listing, lookup by key and cleanup by last use or creation (D25)", arguments: StoreBackend.available)
    func administration(backend: StoreBackend) async throws {
        try await backend.withStores { stores in
            let cache = stores.exactCache
            let a = try #require(try await cache.insertIfAbsent(ExactCacheFixtures.draft(workflowID: nil, seed: "a", cost: 0.5), at: TestTime.origin))
            let b = try #require(try await cache.insertIfAbsent(ExactCacheFixtures.draft(workflowID: nil, seed: "b", cost: nil), at: TestTime.origin))
            _ = try await cache.recordReuse(id: b.id, success: true, executionTimeMs: 1, at: TestTime.plus(seconds: 100))
            _ = try await cache.recordReuse(id: a.id, success: true, executionTimeMs: 1, at: TestTime.plus(seconds: 50))
            _ = try await cache.recordReuse(id: a.id, success: false, executionTimeMs: 1, at: TestTime.plus(seconds: 60))
            let stats = try await cache.stats()
            #expect(stats.totalCachedCodes == 2)
            #expect(stats.totalCacheHits == 3)
            #expect(abs(stats.totalCostSavedUSD - 1.0) < 1e-9)
            #expect(stats.totalSuccesses == 4)
            #expect(stats.totalFailures == 1)
            #expect(stats.topCodes.map(\.id) == [a.id, b.id])
            let page = try await cache.entries(limit: 1, offset: 1)
            #expect(page.items.map(\.id) == [b.id])
            #expect(page.total == 2)
            #expect(try await cache.entry(cacheKey: b.cacheKey)?.id == b.id)
            #expect(try await cache.deleteUnused(since: TestTime.plus(seconds: 75)) == 1)
            #expect(try await cache.entry(cacheKey: a.cacheKey) == nil)
            #expect(try await cache.delete(cacheKey: b.cacheKey) == 1)
            #expect(try await cache.delete(cacheKey: b.cacheKey) == 0)
        }
    }

    @Test("cleanup removes never-used entries by their creation time", arguments: StoreBackend.available)
    func cleanupNeverUsed(backend: StoreBackend) async throws {
        try await backend.withStores { stores in
            _ = try await stores.exactCache.insertIfAbsent(ExactCacheFixtures.draft(workflowID: nil), at: TestTime.origin)
            #expect(try await stores.exactCache.deleteUnused(since: TestTime.plus(seconds: -1)) == 0)
            #expect(try await stores.exactCache.deleteUnused(since: TestTime.plus(seconds: 1)) == 1)
        }
    }

    @Test("a breaker's saved state is what every reader sees", arguments: StoreBackend.available)
    func breakers(backend: StoreBackend) async throws {
        try await backend.withStores { stores in
            #expect(try await stores.breakers.snapshot(name: "sandbox") == nil)
            let open = CircuitBreakerSnapshot(
                name: "sandbox", state: .open, failureCount: 5, failureThreshold: 5, openedAt: TestTime.origin, updatedAt: TestTime.origin)
            try await stores.breakers.save(open)
            #expect(try await stores.breakers.snapshot(name: "sandbox") == open)
            let closed = CircuitBreakerSnapshot.closed(name: "sandbox", failureThreshold: 5, at: TestTime.plus(seconds: 300))
            try await stores.breakers.save(closed)
            #expect(try await stores.breakers.snapshot(name: "sandbox") == closed)
        }
    }
}
