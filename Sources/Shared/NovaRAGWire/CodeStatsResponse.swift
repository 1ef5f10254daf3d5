/// `GET /code/stats` answer (docs/api.md §2.9) plus search counters since the process started.
package struct CodeStatsResponse: Codable, Sendable, Equatable {
    /// Number of entries.
    package var totalCodes: Int
    /// Sorted distinct node actions.
    package var actions: [String]
    /// Mean success count, 2 decimals.
    package var avgSuccessCount: Double
    /// Extension: sum of failure counts.
    package var totalFailures: Int
    /// Extension: sorted distinct workflow ids.
    package var workflows: [Int]
    /// Extension: searches since start.
    package var searches: Int
    /// Extension: searches with at least one match.
    package var hits: Int
    /// Extension: `hits / searches`, 4 decimals.
    package var hitRate: Double
    /// Extension: candidates above threshold rejected by the prompt guard.
    package var rejectedHits: Int
    /// Extension: searches that failed.
    package var searchFailures: Int
    /// Extension: mean search latency in milliseconds, 3 decimals.
    package var meanSearchLatencyMs: Double
    /// Extension: candidates the model confirmed (`POST /code/entries/{id}/verdict`), over the store's life.
    package var confirmationsAccepted = 0
    /// Extension: candidates the model rejected, over the store's life.
    package var confirmationsRejected = 0
    /// Extension: candidates run without a confirmation (results reported with `similarity` and `confirmed: false`).
    package var servedWithoutConfirmation = 0
    /// Extension: reused code whose output failed validation (results reported with `similarity` and `success: false`).
    package var reuseFailures = 0
    /// Extension: the observed false-hit rate of reuses, `reuse_failures / (confirmations_accepted +
    /// served_without_confirmation)`, 4 decimals.
    package var falseHitEstimate = 0.0

    /// Creates the answer.
    package init(
        totalCodes: Int, actions: [String], avgSuccessCount: Double, totalFailures: Int, workflows: [Int], searches: Int, hits: Int, hitRate: Double,
        rejectedHits: Int, searchFailures: Int, meanSearchLatencyMs: Double
    ) {
        self.totalCodes = totalCodes
        self.actions = actions
        self.avgSuccessCount = avgSuccessCount
        self.totalFailures = totalFailures
        self.workflows = workflows
        self.searches = searches
        self.hits = hits
        self.hitRate = hitRate
        self.rejectedHits = rejectedHits
        self.searchFailures = searchFailures
        self.meanSearchLatencyMs = meanSearchLatencyMs
    }

    enum CodingKeys: String, CodingKey {
        case actions, workflows, searches, hits
        case totalCodes = "total_codes"
        case avgSuccessCount = "avg_success_count"
        case totalFailures = "total_failures"
        case hitRate = "hit_rate"
        case rejectedHits = "rejected_hits"
        case searchFailures = "search_failures"
        case meanSearchLatencyMs = "mean_search_latency_ms"
        case confirmationsAccepted = "confirmations_accepted"
        case confirmationsRejected = "confirmations_rejected"
        case servedWithoutConfirmation = "served_without_confirmation"
        case reuseFailures = "reuse_failures"
        case falseHitEstimate = "false_hit_estimate"
    }
}
