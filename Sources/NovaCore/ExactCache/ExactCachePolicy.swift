import Foundation

/// How long exact-cache entries live and how many are kept (`EXACT_CACHE_TTL_SECONDS`, `EXACT_CACHE_MAX_ENTRIES`, read
/// by the executable). An entry older than the TTL is a miss and is purged; past the bound, the least recently used
/// entries (last successful reuse, or creation when never reused) are evicted.
package struct ExactCachePolicy: Sendable, Equatable {
    /// Seconds an entry lives after it was saved; nil: entries never expire.
    package var ttlSeconds: Int?
    /// Entries kept at most; nil: no bound.
    package var maxEntries: Int?

    /// No expiry, no bound.
    package static let unbounded = ExactCachePolicy(ttlSeconds: nil, maxEntries: nil)

    /// Creates the policy.
    package init(ttlSeconds: Int?, maxEntries: Int?) {
        self.ttlSeconds = ttlSeconds
        self.maxEntries = maxEntries
    }

    /// Entries saved before this instant have expired at `now`; nil without a TTL.
    package func expiryCutoff(now: Date) -> Date? {
        ttlSeconds.map { now.addingTimeInterval(-Double($0)) }
    }

    /// Whether `entry` has expired at `now`.
    package func isExpired(_ entry: ExactCacheEntry, now: Date) -> Bool {
        expiryCutoff(now: now).map { entry.createdAt < $0 } ?? false
    }
}

extension ExactCodeCacheStore {
    /// Purges what `policy` no longer keeps at `now`: expired entries, then the least recently used beyond the bound.
    package func prune(_ policy: ExactCachePolicy, now: Date) async throws -> Int {
        guard policy.ttlSeconds != nil || policy.maxEntries != nil else { return 0 }
        return try await prune(createdBefore: policy.expiryCutoff(now: now), keepingAtMost: policy.maxEntries)
    }
}
