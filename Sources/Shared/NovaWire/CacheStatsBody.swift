import NovaJSON

/// One of the `top_codes` of `GET /cache/stats`.
package struct CacheTopCodeBody: Codable, Sendable, Equatable {
    /// The first 16 hex characters of the key followed by `...`.
    package var cacheKey: String
    /// Hits served.
    package var timesReused: Int
    /// Its success rate.
    package var successRate: Double
    /// `cost_usd × times_reused`.
    package var costSavedUsd: Double
    /// The node, or null.
    @NullEncoded package var nodeId: String?
    /// The workflow, or null.
    @NullEncoded package var workflowId: Int?

    /// Creates the body.
    package init(cacheKey: String, timesReused: Int, successRate: Double, costSavedUsd: Double, nodeId: String?, workflowId: Int?) {
        self.cacheKey = cacheKey
        self.timesReused = timesReused
        self.successRate = successRate
        self.costSavedUsd = costSavedUsd
        self.nodeId = nodeId
        self.workflowId = workflowId
    }

    enum CodingKeys: String, CodingKey {
        case cacheKey = "cache_key"
        case timesReused = "times_reused"
        case successRate = "success_rate"
        case costSavedUsd = "cost_saved_usd"
        case nodeId = "node_id"
        case workflowId = "workflow_id"
    }
}

/// `GET /cache/stats` (docs/api.md §3.7).
package struct CacheStatsBody: Codable, Sendable, Equatable {
    /// Rows.
    package var totalCachedCodes: Int
    /// Σ `times_reused`.
    package var totalCacheHits: Int
    /// Σ `cost_usd × times_reused`.
    package var totalCostSavedUsd: Double
    /// `hits / max(rows, 1)`.
    package var avgReusePerCode: Double
    /// `Σsucc / (Σsucc + Σfail)`, 0.0 when both are 0.
    package var overallSuccessRate: Double
    /// Σ `success_count`.
    package var totalSuccesses: Int
    /// Σ `failure_count`.
    package var totalFailures: Int
    /// Up to 10, most reused first.
    package var topCodes: [CacheTopCodeBody]
    /// Extension: prompt nodes by code source, generations avoided, tokens and cost saved.
    package var codeSources: CodeSourceStatsBody?

    /// Creates the body.
    package init(
        totalCachedCodes: Int, totalCacheHits: Int, totalCostSavedUsd: Double, avgReusePerCode: Double, overallSuccessRate: Double,
        totalSuccesses: Int, totalFailures: Int, topCodes: [CacheTopCodeBody], codeSources: CodeSourceStatsBody? = nil
    ) {
        self.totalCachedCodes = totalCachedCodes
        self.totalCacheHits = totalCacheHits
        self.totalCostSavedUsd = totalCostSavedUsd
        self.avgReusePerCode = avgReusePerCode
        self.overallSuccessRate = overallSuccessRate
        self.totalSuccesses = totalSuccesses
        self.totalFailures = totalFailures
        self.topCodes = topCodes
        self.codeSources = codeSources
    }

    enum CodingKeys: String, CodingKey {
        case totalCachedCodes = "total_cached_codes"
        case totalCacheHits = "total_cache_hits"
        case totalCostSavedUsd = "total_cost_saved_usd"
        case avgReusePerCode = "avg_reuse_per_code"
        case overallSuccessRate = "overall_success_rate"
        case totalSuccesses = "total_successes"
        case totalFailures = "total_failures"
        case topCodes = "top_codes"
        case codeSources = "code_sources"
    }
}

/// `DELETE /cache/cleanup`.
package struct CacheCleanupBody: Codable, Sendable, Equatable {
    /// Entries deleted.
    package var deletedCount: Int
    /// The age asked for.
    package var daysOld: Int

    /// Creates the body.
    package init(deletedCount: Int, daysOld: Int) {
        self.deletedCount = deletedCount
        self.daysOld = daysOld
    }

    enum CodingKeys: String, CodingKey {
        case deletedCount = "deleted_count"
        case daysOld = "days_old"
    }
}
