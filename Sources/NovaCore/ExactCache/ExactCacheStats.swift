/// Totals over the exact code cache (docs/api.md §3.7, `GET /cache/stats`).
package struct ExactCacheStats: Sendable, Equatable {
    /// Rows.
    package var totalCachedCodes: Int
    /// Σ `times_reused`.
    package var totalCacheHits: Int
    /// Σ `cost_usd × times_reused`.
    package var totalCostSavedUSD: Double
    /// Σ `success_count`.
    package var totalSuccesses: Int
    /// Σ `failure_count`.
    package var totalFailures: Int
    /// Up to 10 entries, most reused first.
    package var topCodes: [ExactCacheEntry]

    /// Creates the value.
    package init(
        totalCachedCodes: Int, totalCacheHits: Int, totalCostSavedUSD: Double, totalSuccesses: Int, totalFailures: Int, topCodes: [ExactCacheEntry]
    ) {
        self.totalCachedCodes = totalCachedCodes
        self.totalCacheHits = totalCacheHits
        self.totalCostSavedUSD = totalCostSavedUSD
        self.totalSuccesses = totalSuccesses
        self.totalFailures = totalFailures
        self.topCodes = topCodes
    }

    /// Computes the totals over `entries` (top codes by `times_reused` descending, then id).
    package init(entries: [ExactCacheEntry]) {
        self.init(
            totalCachedCodes: entries.count, totalCacheHits: entries.map(\.timesReused).reduce(0, +),
            totalCostSavedUSD: entries.map(\.costSavedUSD).reduce(0, +), totalSuccesses: entries.map(\.successCount).reduce(0, +),
            totalFailures: entries.map(\.failureCount).reduce(0, +), topCodes: Array(entries.sorted(by: ExactCacheEntry.mostReusedFirst).prefix(10)))
    }

    /// `hits / max(rows, 1)`.
    package var avgReusePerCode: Double {
        Double(totalCacheHits) / Double(max(totalCachedCodes, 1))
    }

    /// `Σsucc / (Σsucc + Σfail)`, 0.0 when both are 0.
    package var overallSuccessRate: Double {
        totalSuccesses + totalFailures == 0 ? 0 : Double(totalSuccesses) / Double(totalSuccesses + totalFailures)
    }
}

extension ExactCacheEntry {
    /// The listing order of `/cache/entries` and `top_codes`: `times_reused` descending, then id ascending.
    package static func mostReusedFirst(_ left: ExactCacheEntry, _ right: ExactCacheEntry) -> Bool {
        left.timesReused != right.timesReused ? left.timesReused > right.timesReused : left.id < right.id
    }

    /// The order that picks the entry `GET /cache/entries/{key}` shows among several workflows: most recently used
    /// first (never used last), then newest id.
    package static func mostRecentlyUsedFirst(_ left: ExactCacheEntry, _ right: ExactCacheEntry) -> Bool {
        switch (left.lastUsedAt, right.lastUsedAt) {
        case let (l?, r?) where l != r: l > r
        case (_?, nil): true
        case (nil, _?): false
        default: left.id > right.id
        }
    }

    /// The order of least-recently-used eviction, kept entries first: last successful reuse — or creation when never
    /// reused — newest first, then newest id.
    package static func mostRecentlyUsedOrSavedFirst(_ left: ExactCacheEntry, _ right: ExactCacheEntry) -> Bool {
        let (l, r) = (left.lastUsedAt ?? left.createdAt, right.lastUsedAt ?? right.createdAt)
        return l != r ? l > r : left.id > right.id
    }
}
