import Foundation
import NovaCore

/// Exact-cache drafts for store and route tests.
enum ExactCacheFixtures {
    /// A draft for `workflowID` with a key made from `seed`.
    static func draft(workflowID: Int?, seed: String = "a", cost: Double? = 0.01, node: String = "read_email") -> ExactCacheDraft {
        ExactCacheDraft(
            cacheKey: String(repeating: seed, count: 64), taskHash: String(repeating: "f", count: 64), generatedCode: "print('\(seed)')",
            model: "claude-sonnet-4-5", originalPrompt: "Read the email \(seed)", workflowID: workflowID, nodeID: node, costUSD: cost,
            tokensInput: 100, tokensOutput: 50, executionTimeMs: 100)
    }
}
