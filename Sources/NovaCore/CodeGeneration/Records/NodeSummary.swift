import NovaJSON

/// The `ai_metadata` fields every prompt node carries (docs/api.md §4.6), written from its ``NodeTrace`` over what
/// the stage that resolved the node recorded.
struct NodeSummary: Encodable {
    /// `exact_hit`, `semantic_hit` or `generated` (a failed node counts as `generated`).
    let codeSource: String
    /// Similarity of the semantic hit, or of the best search result; null without one.
    @NullEncoded var similarityScore: Double?
    let attempts: Int
    @NullEncoded var model: String?
    /// Tokens of every LLM call the node made: generation and confirmations.
    let tokensInput: Int
    let tokensOutput: Int
    /// Cost of those calls; null once a model's price is unknown.
    @NullEncoded var costUSD: Double?
    let timings: Timings
    /// What a cache hit saved; absent unless the node was a hit.
    let generationAvoided: GenerationAvoided?

    /// Milliseconds per phase.
    struct Timings: Encodable {
        let cacheLookupMs: Double
        let documentationMs: Double
        let generationMs: Double
        let executionMs: Double
        let totalMs: Double

        enum CodingKeys: String, CodingKey {
            case cacheLookupMs = "cache_lookup_ms"
            case documentationMs = "documentation_ms"
            case generationMs = "generation_ms"
            case executionMs = "execution_ms"
            case totalMs = "total_ms"
        }
    }

    /// Tokens and cost recorded for the generation a hit replaced.
    struct GenerationAvoided: Encodable {
        let tokens: Int
        @NullEncoded var costUSD: Double?

        enum CodingKeys: String, CodingKey {
            case tokens
            case costUSD = "cost_usd"
        }
    }

    enum CodingKeys: String, CodingKey {
        case attempts, model, timings
        case codeSource = "code_source"
        case similarityScore = "similarity_score"
        case tokensInput = "tokens_input"
        case tokensOutput = "tokens_output"
        case costUSD = "cost_usd"
        case generationAvoided = "generation_avoided"
    }
}
