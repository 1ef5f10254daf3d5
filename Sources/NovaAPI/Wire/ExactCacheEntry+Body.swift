import Foundation
import NovaCore
import NovaJSON
import Shared

extension CacheEntryBody {
    /// The wire form of `entry`; `detailed` adds the code and the prompt.
    init(_ entry: ExactCacheEntry, detailed: Bool = false) {
        self.init(
            id: entry.id, cacheKey: entry.cacheKey, model: entry.model, timesReused: entry.timesReused, successCount: entry.successCount,
            failureCount: entry.failureCount, successRate: entry.successRate, costUsd: entry.costUSD == 0 ? nil : entry.costUSD,
            totalCostSavedUsd: entry.costSavedUSD, avgExecutionTimeMs: entry.avgExecutionTimeMs, createdAt: Self.utc(entry.createdAt),
            lastUsedAt: entry.lastUsedAt.map(Self.utc), workflowId: entry.workflowID, nodeId: entry.nodeID,
            generatedCode: detailed ? entry.generatedCode : nil, originalPrompt: detailed ? entry.originalPrompt : nil)
    }

    /// Microsecond ISO-8601 with `+00:00`, as the original rendered `code_cache` times.
    private static func utc(_ date: Date) -> String {
        WireDate.naive(date) + "+00:00"
    }
}

extension CacheStatsBody {
    /// The wire form of `stats`.
    init(_ stats: ExactCacheStats) {
        self.init(
            totalCachedCodes: stats.totalCachedCodes, totalCacheHits: stats.totalCacheHits, totalCostSavedUsd: stats.totalCostSavedUSD,
            avgReusePerCode: stats.avgReusePerCode, overallSuccessRate: stats.overallSuccessRate, totalSuccesses: stats.totalSuccesses,
            totalFailures: stats.totalFailures,
            topCodes: stats.topCodes.map { entry in
                CacheTopCodeBody(
                    cacheKey: String(entry.cacheKey.prefix(16)) + "...", timesReused: entry.timesReused, successRate: entry.successRate,
                    costSavedUsd: entry.costSavedUSD, nodeId: entry.nodeID, workflowId: entry.workflowID)
            })
    }
}
