import Foundation

/// Durable storage of the exact code cache (docs/api.md §3.7, §4.3, §4.5).
package protocol ExactCodeCacheStore: Sendable {
    /// Saves `draft` at `time` unless (workflow, cache key) exists (D18); returns the stored entry, or nil when one existed.
    func insertIfAbsent(_ draft: ExactCacheDraft, at time: Date) async throws -> ExactCacheEntry?
    /// The entry for (workflow, cache key), or nil.
    func lookup(workflowID: Int?, cacheKey: String) async throws -> ExactCacheEntry?
    /// Counts one hit of entry `id` that ran at `time` (see ``ExactCacheEntry/reused(success:executionTimeMs:at:)``);
    /// returns the entry after the update, nil when it does not exist.
    func recordReuse(id: Int, success: Bool, executionTimeMs: Double, at time: Date) async throws -> ExactCacheEntry?
    /// Deletes entry `id`; returns whether it existed.
    func delete(id: Int) async throws -> Bool
    /// Totals and the top 10 entries.
    func stats() async throws -> ExactCacheStats
    /// Entries of workflow `workflowID` (every entry when nil) most reused first, `offset` skipped, at most `limit`;
    /// total counts all of them.
    func entries(workflowID: Int?, limit: Int, offset: Int) async throws -> Page<ExactCacheEntry>
    /// The entry with this key; among several workflows, the most recently used.
    func entry(cacheKey: String) async throws -> ExactCacheEntry?
    /// Deletes every entry with this key; returns how many.
    func delete(cacheKey: String) async throws -> Int
    /// Deletes entries whose last use — or creation, when never used (D25) — is before `time`; returns how many.
    func deleteUnused(since time: Date) async throws -> Int
    /// Deletes entries saved before `cutoff` (when given), then, beyond `maxEntries` (when given), the least recently
    /// used: last successful reuse, or creation when never reused, oldest first. Returns how many were deleted.
    func prune(createdBefore cutoff: Date?, keepingAtMost maxEntries: Int?) async throws -> Int
}

extension ExactCodeCacheStore {
    /// Entries of every workflow, most reused first, `offset` skipped, at most `limit`; total counts all.
    package func entries(limit: Int, offset: Int) async throws -> Page<ExactCacheEntry> {
        try await entries(workflowID: nil, limit: limit, offset: offset)
    }
}
