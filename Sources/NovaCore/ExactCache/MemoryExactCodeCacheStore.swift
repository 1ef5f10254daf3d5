import Foundation

/// The exact code cache in memory, for tests and as the reference behaviour of ``ExactCodeCacheStore``.
package actor MemoryExactCodeCacheStore: ExactCodeCacheStore {
    private var rows: [Int: ExactCacheEntry] = [:]
    private var lastID = 0

    /// Creates an empty store.
    package init() {}

    /// Saves `draft` at `time` unless (workflow, cache key) exists (D18); returns the stored entry, or nil when one existed.
    package func insertIfAbsent(_ draft: ExactCacheDraft, at time: Date) -> ExactCacheEntry? {
        guard lookup(workflowID: draft.workflowID, cacheKey: draft.cacheKey) == nil else { return nil }
        lastID += 1
        let entry = draft.entry(id: lastID, at: time)
        rows[lastID] = entry
        return entry
    }

    /// The entry for (workflow, cache key), or nil.
    package func lookup(workflowID: Int?, cacheKey: String) -> ExactCacheEntry? {
        rows.values.first { $0.workflowID == workflowID && $0.cacheKey == cacheKey }
    }

    /// Counts one hit of entry `id` that ran at `time` (see ``ExactCacheEntry/reused(success:executionTimeMs:at:)``);
    /// returns the entry after the update, nil when it does not exist.
    package func recordReuse(id: Int, success: Bool, executionTimeMs: Double, at time: Date) -> ExactCacheEntry? {
        guard let entry = rows[id] else { return nil }
        let next = entry.reused(success: success, executionTimeMs: executionTimeMs, at: time)
        rows[id] = next
        return next
    }

    /// Deletes entry `id`; returns whether it existed.
    package func delete(id: Int) -> Bool {
        rows.removeValue(forKey: id) != nil
    }

    /// Totals and the top 10 entries.
    package func stats() -> ExactCacheStats {
        ExactCacheStats(entries: Array(rows.values))
    }

    /// Entries of workflow `workflowID` (every entry when nil) most reused first, `offset` skipped, at most `limit`.
    package func entries(workflowID: Int?, limit: Int, offset: Int) -> Page<ExactCacheEntry> {
        rows.values.filter { workflowID == nil || $0.workflowID == workflowID }.sorted(by: ExactCacheEntry.mostReusedFirst)
            .page(skip: offset, limit: limit)
    }

    /// The entry with this key; among several workflows, the most recently used.
    package func entry(cacheKey: String) -> ExactCacheEntry? {
        rows.values.filter { $0.cacheKey == cacheKey }.sorted(by: ExactCacheEntry.mostRecentlyUsedFirst).first
    }

    /// Deletes every entry with this key; returns how many.
    package func delete(cacheKey: String) -> Int {
        deleteWhere { $0.cacheKey == cacheKey }
    }

    /// Deletes entries whose last use — or creation, when never used (D25) — is before `time`; returns how many.
    package func deleteUnused(since time: Date) -> Int {
        deleteWhere { ($0.lastUsedAt ?? $0.createdAt) < time }
    }

    /// Deletes entries saved before `cutoff`, then the least recently used beyond `maxEntries`; returns how many.
    package func prune(createdBefore cutoff: Date?, keepingAtMost maxEntries: Int?) -> Int {
        var deleted = cutoff.map { cutoff in deleteWhere { $0.createdAt < cutoff } } ?? 0
        if let maxEntries, rows.count > maxEntries {
            let keep = Set(rows.values.sorted(by: ExactCacheEntry.mostRecentlyUsedOrSavedFirst).prefix(maxEntries).map(\.id))
            deleted += deleteWhere { !keep.contains($0.id) }
        }
        return deleted
    }

    /// Deletes the entries of a workflow (the cascade of a workflow deletion).
    package func deleteAll(workflowID: Int) {
        _ = deleteWhere { $0.workflowID == workflowID }
    }

    private func deleteWhere(_ doomed: (ExactCacheEntry) -> Bool) -> Int {
        let ids = rows.values.filter(doomed).map(\.id)
        ids.forEach { rows[$0] = nil }
        return ids.count
    }
}
