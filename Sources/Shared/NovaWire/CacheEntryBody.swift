import NovaJSON

/// An exact-cache entry on the wire (docs/api.md §3.7); timestamps end in `+00:00` as in the original.
package struct CacheEntryBody: Codable, Sendable, Equatable {
    /// Integer id.
    package var id: Int
    /// 64 lower-case hex characters.
    package var cacheKey: String
    /// The model that generated the code.
    package var model: String
    /// Hits served.
    package var timesReused: Int
    /// Validated runs.
    package var successCount: Int
    /// Failed runs.
    package var failureCount: Int
    /// `success / (success + failure)`, 1.0 when both are 0.
    package var successRate: Double
    /// Cost of the generation, null when 0 or unknown.
    @NullEncoded package var costUsd: Double?
    /// `cost_usd × times_reused`.
    package var totalCostSavedUsd: Double
    /// Running average of successful runs, or null.
    @NullEncoded package var avgExecutionTimeMs: Double?
    /// ISO-8601 with `+00:00`.
    package var createdAt: String
    /// ISO-8601 with `+00:00`, or null when never reused.
    @NullEncoded package var lastUsedAt: String?
    /// The workflow, or null.
    @NullEncoded package var workflowId: Int?
    /// The node, or null.
    @NullEncoded package var nodeId: String?
    /// The code (only in `GET /cache/entries/{key}`).
    package var generatedCode: String?
    /// The prompt (only in `GET /cache/entries/{key}`).
    package var originalPrompt: String?

    /// Creates the body.
    package init(
        id: Int, cacheKey: String, model: String, timesReused: Int, successCount: Int, failureCount: Int, successRate: Double, costUsd: Double?,
        totalCostSavedUsd: Double, avgExecutionTimeMs: Double?, createdAt: String, lastUsedAt: String?, workflowId: Int?, nodeId: String?,
        generatedCode: String? = nil, originalPrompt: String? = nil
    ) {
        self.id = id
        self.cacheKey = cacheKey
        self.model = model
        self.timesReused = timesReused
        self.successCount = successCount
        self.failureCount = failureCount
        self.successRate = successRate
        self.costUsd = costUsd
        self.totalCostSavedUsd = totalCostSavedUsd
        self.avgExecutionTimeMs = avgExecutionTimeMs
        self.createdAt = createdAt
        self.lastUsedAt = lastUsedAt
        self.workflowId = workflowId
        self.nodeId = nodeId
        self.generatedCode = generatedCode
        self.originalPrompt = originalPrompt
    }

    enum CodingKeys: String, CodingKey {
        case id, model
        case cacheKey = "cache_key"
        case timesReused = "times_reused"
        case successCount = "success_count"
        case failureCount = "failure_count"
        case successRate = "success_rate"
        case costUsd = "cost_usd"
        case totalCostSavedUsd = "total_cost_saved_usd"
        case avgExecutionTimeMs = "avg_execution_time_ms"
        case createdAt = "created_at"
        case lastUsedAt = "last_used_at"
        case workflowId = "workflow_id"
        case nodeId = "node_id"
        case generatedCode = "generated_code"
        case originalPrompt = "original_prompt"
    }
}

/// `GET /cache/entries`.
package struct CacheEntriesBody: Codable, Sendable, Equatable {
    /// Count of all entries.
    package var total: Int
    /// The limit applied (at most 1000).
    package var limit: Int
    /// Entries skipped.
    package var offset: Int
    /// The page, most reused first.
    package var entries: [CacheEntryBody]

    /// Creates the body.
    package init(total: Int, limit: Int, offset: Int, entries: [CacheEntryBody]) {
        self.total = total
        self.limit = limit
        self.offset = offset
        self.entries = entries
    }
}
