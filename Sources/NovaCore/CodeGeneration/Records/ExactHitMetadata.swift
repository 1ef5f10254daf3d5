import NovaJSON

/// `ai_metadata` of a node run from the exact cache (docs/api.md §4.6); the node's ``NodeSummary`` adds the source,
/// model, tokens and cost.
struct ExactHitMetadata: Encodable {
    let generatedCode: String
    let originalPrompt: String
    /// Tokens the cached code cost when it was generated.
    let tokensUsed: Int
    let cacheMetadata: CacheMetadata
    /// The sandbox output of the run that passed (``CodeRun/executionMetadata``).
    let executionMetadata: JSONValue

    /// The entry: its shortened key, reuses so far, what it cost and what this reuse saved.
    struct CacheMetadata: Encodable {
        let cacheHit = true
        let cacheKey: String
        let timesReused: Int
        @NullEncoded var originalCostUSD: Double?
        let costSavedUSD: Double

        enum CodingKeys: String, CodingKey {
            case cacheHit = "cache_hit"
            case cacheKey = "cache_key"
            case timesReused = "times_reused"
            case originalCostUSD = "original_cost_usd"
            case costSavedUSD = "cost_saved_usd"
        }
    }

    enum CodingKeys: String, CodingKey {
        case generatedCode = "generated_code"
        case originalPrompt = "original_prompt"
        case tokensUsed = "tokens_used"
        case cacheMetadata = "_cache_metadata"
        case executionMetadata = "_execution_metadata"
    }
}
