/// How the code pipeline behaves (`SEMANTIC_CACHE_ENABLED`, `SEMANTIC_CACHE_THRESHOLD`, `SEMANTIC_CACHE_TOP_K`,
/// `AGENT_MAX_RETRIES`, `CODE_GENERATOR_MODEL`, `VALIDATE_OUTPUT_WITH_LLM`, `CONFIRM_SEMANTIC_HITS_WITH_LLM`, `EXACT_CACHE_TTL_SECONDS`,
/// `EXACT_CACHE_MAX_ENTRIES`, `SEMANTIC_CACHE_MAX_ERROR_RATE`, read by the executable).
package struct CodePipelineSettings: Sendable {
    /// Minimum similarity of a semantic hit, default 0.85.
    package var semanticThreshold: Double
    /// Semantic candidates tried, default 3.
    package var semanticTopK: Int
    /// Generation attempts, default 3.
    package var maxAttempts: Int
    /// The code generator's model.
    package var model: String
    /// Version of the sandbox's Python, part of the exact-cache key.
    package var runtimeVersion: String
    /// Whether generated output is also judged by the LLM after the rule checks, default false.
    package var validateOutputWithLLM: Bool
    /// Whether the model confirms each semantic candidate before it runs (when an LLM is configured), default true.
    package var confirmSemanticHitsWithLLM: Bool
    /// Expiry and size bound of the exact cache.
    package var exactCachePolicy: ExactCachePolicy
    /// Documentation snippets asked of nova-rag per generation, default 3.
    package var documentationTopK: Int
    /// The tolerated false-hit rate of semantic hits when the model confirms candidates, default 0.02.
    package var semanticMaxErrorRate: Double

    /// The lowest similarity of a candidate when the model confirms candidates: below ``semanticThreshold`` so that
    /// paraphrases cosine ranks lower are found; every candidate between the two is confirmed until its bound is
    /// confident, which is what one below the floor would cost too, for few paraphrases (benchmarks/semantic-stream).
    package static let confirmedSearchFloor = 0.70

    /// Creates the settings.
    package init(
        semanticThreshold: Double = 0.85, semanticTopK: Int = 3, maxAttempts: Int = 3, model: String, runtimeVersion: String,
        validateOutputWithLLM: Bool = false, confirmSemanticHitsWithLLM: Bool = true, exactCachePolicy: ExactCachePolicy = .unbounded,
        documentationTopK: Int = 3, semanticMaxErrorRate: Double = 0.02
    ) {
        self.semanticThreshold = semanticThreshold
        self.semanticTopK = semanticTopK
        self.maxAttempts = maxAttempts
        self.model = model
        self.runtimeVersion = runtimeVersion
        self.validateOutputWithLLM = validateOutputWithLLM
        self.confirmSemanticHitsWithLLM = confirmSemanticHitsWithLLM
        self.exactCachePolicy = exactCachePolicy
        self.documentationTopK = documentationTopK
        self.semanticMaxErrorRate = semanticMaxErrorRate
    }
}
