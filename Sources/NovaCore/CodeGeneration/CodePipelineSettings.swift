/// How the code pipeline behaves (`SEMANTIC_CACHE_ENABLED`, `SEMANTIC_CACHE_THRESHOLD`, `SEMANTIC_CACHE_TOP_K`,
/// `AGENT_MAX_RETRIES`, `CODE_GENERATOR_MODEL`, `VALIDATE_OUTPUT_WITH_LLM`, `CONFIRM_SEMANTIC_HITS_WITH_LLM`, `EXACT_CACHE_TTL_SECONDS`,
/// `EXACT_CACHE_MAX_ENTRIES`, read by the executable).
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

    /// Creates the settings.
    package init(
        semanticThreshold: Double = 0.85, semanticTopK: Int = 3, maxAttempts: Int = 3, model: String, runtimeVersion: String,
        validateOutputWithLLM: Bool = false, confirmSemanticHitsWithLLM: Bool = true, exactCachePolicy: ExactCachePolicy = .unbounded,
        documentationTopK: Int = 3
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
    }
}
