/// Extension: `code_sources` of `GET /cache/stats` and of `/metrics`' `cache` block: prompt nodes by where their code came
/// from, the share each source served, generations the caches avoided, and tokens and cost spent and saved (savings are
/// the recorded tokens and cost of the generation a hit made unnecessary; unknown for seed code).
package struct CodeSourceStatsBody: Codable, Sendable, Equatable {
    /// One source's figures.
    package struct Source: Codable, Sendable, Equatable {
        /// Prompt nodes it served.
        package var nodes: Int
        /// `nodes / total_prompt_nodes`, in [0, 1].
        package var rate: Double
        /// Prompt tokens spent.
        package var tokensInput: Int
        /// Completion tokens spent.
        package var tokensOutput: Int
        /// USD spent.
        package var costUsd: Double
        /// Tokens of the generations avoided.
        package var tokensSaved: Int
        /// USD of the generations avoided.
        package var costSavedUsd: Double

        /// Creates the figures.
        package init(nodes: Int, rate: Double, tokensInput: Int, tokensOutput: Int, costUsd: Double, tokensSaved: Int, costSavedUsd: Double) {
            self.nodes = nodes
            self.rate = rate
            self.tokensInput = tokensInput
            self.tokensOutput = tokensOutput
            self.costUsd = costUsd
            self.tokensSaved = tokensSaved
            self.costSavedUsd = costSavedUsd
        }

        enum CodingKeys: String, CodingKey {
            case nodes, rate
            case tokensInput = "tokens_input"
            case tokensOutput = "tokens_output"
            case costUsd = "cost_usd"
            case tokensSaved = "tokens_saved"
            case costSavedUsd = "cost_saved_usd"
        }
    }

    /// Prompt nodes run.
    package var totalPromptNodes: Int
    /// Nodes served by the exact or semantic cache.
    package var generationsAvoided: Int
    /// `generations_avoided / total_prompt_nodes`, in [0, 1].
    package var hitRate: Double
    /// Tokens of the generations avoided.
    package var tokensSaved: Int
    /// USD of the generations avoided.
    package var costSavedUsd: Double
    /// Tokens spent on LLM calls.
    package var tokensSpent: Int
    /// USD spent on LLM calls.
    package var costSpentUsd: Double
    /// `exact_hit`, `semantic_hit`, `generated`, `failed` → figures.
    package var bySource: [String: Source]

    /// Creates the body.
    package init(
        totalPromptNodes: Int, generationsAvoided: Int, hitRate: Double, tokensSaved: Int, costSavedUsd: Double, tokensSpent: Int,
        costSpentUsd: Double,
        bySource: [String: Source]
    ) {
        self.totalPromptNodes = totalPromptNodes
        self.generationsAvoided = generationsAvoided
        self.hitRate = hitRate
        self.tokensSaved = tokensSaved
        self.costSavedUsd = costSavedUsd
        self.tokensSpent = tokensSpent
        self.costSpentUsd = costSpentUsd
        self.bySource = bySource
    }

    enum CodingKeys: String, CodingKey {
        case totalPromptNodes = "total_prompt_nodes"
        case generationsAvoided = "generations_avoided"
        case hitRate = "hit_rate"
        case tokensSaved = "tokens_saved"
        case costSavedUsd = "cost_saved_usd"
        case tokensSpent = "tokens_spent"
        case costSpentUsd = "cost_spent_usd"
        case bySource = "by_source"
    }
}
