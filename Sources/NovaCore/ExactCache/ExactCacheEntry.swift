import Foundation

/// A row of the exact code cache (`code_cache`, docs/api.md §3.7 and §4.3), unique per (workflow, cache key).
package struct ExactCacheEntry: Sendable, Equatable {
    /// Integer id.
    package var id: Int
    /// 64 lower-case hex characters.
    package var cacheKey: String
    /// SHA-256 of the normalised prompt.
    package var taskHash: String
    /// The validated code.
    package var generatedCode: String
    /// The model that generated it.
    package var model: String
    /// The node's prompt.
    package var originalPrompt: String
    /// Hits served.
    package var timesReused: Int
    /// Validated runs (the generation counts as one).
    package var successCount: Int
    /// Runs that failed validation.
    package var failureCount: Int
    /// What the generation cost, nil when unknown or 0.
    package var costUSD: Double?
    /// Prompt tokens of the generation.
    package var tokensInput: Int?
    /// Completion tokens of the generation.
    package var tokensOutput: Int?
    /// Running average `0.8·old + 0.2·new` of successful runs.
    package var avgExecutionTimeMs: Double?
    /// When it was saved.
    package var createdAt: Date
    /// When a hit last succeeded, nil if never.
    package var lastUsedAt: Date?
    /// The workflow it belongs to.
    package var workflowID: Int?
    /// The node it was generated for.
    package var nodeID: String?

    /// Creates the value.
    package init(
        id: Int, cacheKey: String, taskHash: String, generatedCode: String, model: String, originalPrompt: String, timesReused: Int,
        successCount: Int, failureCount: Int, costUSD: Double?, tokensInput: Int?, tokensOutput: Int?, avgExecutionTimeMs: Double?,
        createdAt: Date, lastUsedAt: Date?, workflowID: Int?, nodeID: String?
    ) {
        self.id = id
        self.cacheKey = cacheKey
        self.taskHash = taskHash
        self.generatedCode = generatedCode
        self.model = model
        self.originalPrompt = originalPrompt
        self.timesReused = timesReused
        self.successCount = successCount
        self.failureCount = failureCount
        self.costUSD = costUSD
        self.tokensInput = tokensInput
        self.tokensOutput = tokensOutput
        self.avgExecutionTimeMs = avgExecutionTimeMs
        self.createdAt = createdAt
        self.lastUsedAt = lastUsedAt
        self.workflowID = workflowID
        self.nodeID = nodeID
    }

    /// `success / (success + failure)`, 1.0 when both are 0.
    package var successRate: Double {
        successCount + failureCount == 0 ? 1.0 : Double(successCount) / Double(successCount + failureCount)
    }

    /// `cost_usd × times_reused`.
    package var costSavedUSD: Double {
        (costUSD ?? 0) * Double(timesReused)
    }

    /// This entry after one more hit that ran at `time`: counts, `last_used_at` and the time average on success.
    package func reused(success: Bool, executionTimeMs: Double, at time: Date) -> ExactCacheEntry {
        var next = self
        next.timesReused += 1
        if success {
            next.successCount += 1
            next.lastUsedAt = time
            next.avgExecutionTimeMs = avgExecutionTimeMs.map { 0.8 * $0 + 0.2 * executionTimeMs } ?? executionTimeMs
        } else {
            next.failureCount += 1
        }
        return next
    }
}

/// The fields of a newly generated, validated code to cache (docs/api.md §4.5).
package struct ExactCacheDraft: Sendable, Equatable {
    /// 64 lower-case hex characters.
    package var cacheKey: String
    /// SHA-256 of the normalised prompt.
    package var taskHash: String
    /// The validated code.
    package var generatedCode: String
    /// The model that generated it.
    package var model: String
    /// The node's prompt.
    package var originalPrompt: String
    /// The workflow it belongs to.
    package var workflowID: Int?
    /// The node it was generated for.
    package var nodeID: String?
    /// What the generation cost.
    package var costUSD: Double?
    /// Prompt tokens.
    package var tokensInput: Int?
    /// Completion tokens.
    package var tokensOutput: Int?
    /// How long the validated run took.
    package var executionTimeMs: Double?

    /// Creates the draft.
    package init(
        cacheKey: String, taskHash: String, generatedCode: String, model: String, originalPrompt: String, workflowID: Int?, nodeID: String?,
        costUSD: Double? = nil, tokensInput: Int? = nil, tokensOutput: Int? = nil, executionTimeMs: Double? = nil
    ) {
        self.cacheKey = cacheKey
        self.taskHash = taskHash
        self.generatedCode = generatedCode
        self.model = model
        self.originalPrompt = originalPrompt
        self.workflowID = workflowID
        self.nodeID = nodeID
        self.costUSD = costUSD
        self.tokensInput = tokensInput
        self.tokensOutput = tokensOutput
        self.executionTimeMs = executionTimeMs
    }

    /// The entry this draft becomes with `id`, saved at `time`: one success, never reused.
    package func entry(id: Int, at time: Date) -> ExactCacheEntry {
        ExactCacheEntry(
            id: id, cacheKey: cacheKey, taskHash: taskHash, generatedCode: generatedCode, model: model, originalPrompt: originalPrompt,
            timesReused: 0,
            successCount: 1, failureCount: 0, costUSD: costUSD == 0 ? nil : costUSD, tokensInput: tokensInput, tokensOutput: tokensOutput,
            avgExecutionTimeMs: executionTimeMs, createdAt: time, lastUsedAt: nil, workflowID: workflowID, nodeID: nodeID)
    }
}
