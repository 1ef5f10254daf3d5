/// How the code pipeline behaves (`SEMANTIC_CACHE_ENABLED`, `SEMANTIC_CACHE_THRESHOLD`, `SEMANTIC_CACHE_TOP_K`,
/// `AGENT_MAX_RETRIES`, `CODE_GENERATOR_MODEL`, read by the executable).
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

    /// Creates the settings.
    package init(semanticThreshold: Double = 0.85, semanticTopK: Int = 3, maxAttempts: Int = 3, model: String, runtimeVersion: String) {
        self.semanticThreshold = semanticThreshold
        self.semanticTopK = semanticTopK
        self.maxAttempts = maxAttempts
        self.model = model
        self.runtimeVersion = runtimeVersion
    }
}
