import NovaCore
import ServiceKit

/// How prompt nodes get their code: `SEMANTIC_CACHE_ENABLED` (default true), `SEMANTIC_CACHE_THRESHOLD` (0.85),
/// `SEMANTIC_CACHE_TOP_K` (3), `AGENT_MAX_RETRIES` (generation attempts, default 3), `VALIDATE_OUTPUT_WITH_LLM`
/// (default false), `CONFIRM_SEMANTIC_HITS_WITH_LLM` (default true; only with an LLM key), `EXACT_CACHE_TTL_SECONDS`
/// (default 0: entries never expire), `EXACT_CACHE_MAX_ENTRIES` (default 10000, 0: no bound) and
/// `SEMANTIC_CACHE_MAX_ERROR_RATE` (the tolerated false-hit rate of semantic hits confirmed by the model, default 0.02,
/// 0.001–0.5); the model comes from ``LLMSettings``.
struct PipelineSettings: Sendable {
    var semanticEnabled: Bool
    var threshold: Double
    var topK: Int
    var maxAttempts: Int
    var validateOutputWithLLM: Bool
    var confirmSemanticHitsWithLLM: Bool
    var exactCache: ExactCachePolicy
    var maxErrorRate: Double

    init(env: EnvironmentReader) throws {
        semanticEnabled = try env.bool("SEMANTIC_CACHE_ENABLED", default: true)
        threshold = try env.double("SEMANTIC_CACHE_THRESHOLD", default: 0.85, in: 0...1)
        topK = try env.int("SEMANTIC_CACHE_TOP_K", default: 3, in: 1...10)
        maxAttempts = try env.int("AGENT_MAX_RETRIES", default: 3, in: 1...10)
        validateOutputWithLLM = try env.bool("VALIDATE_OUTPUT_WITH_LLM", default: false)
        confirmSemanticHitsWithLLM = try env.bool("CONFIRM_SEMANTIC_HITS_WITH_LLM", default: true)
        let ttl = try env.int("EXACT_CACHE_TTL_SECONDS", default: 0, in: 0...(10 * 365 * 86_400))
        let maxEntries = try env.int("EXACT_CACHE_MAX_ENTRIES", default: 10_000, in: 0...100_000_000)
        maxErrorRate = try env.double("SEMANTIC_CACHE_MAX_ERROR_RATE", default: 0.02, in: 0.001...0.5)
        exactCache = ExactCachePolicy(ttlSeconds: ttl == 0 ? nil : ttl, maxEntries: maxEntries == 0 ? nil : maxEntries)
    }

    /// The pipeline's settings for `model` on the sandbox's Python `runtimeVersion`.
    func pipeline(model: String, runtimeVersion: String) -> CodePipelineSettings {
        CodePipelineSettings(
            semanticThreshold: threshold, semanticTopK: topK, maxAttempts: maxAttempts, model: model, runtimeVersion: runtimeVersion,
            validateOutputWithLLM: validateOutputWithLLM, confirmSemanticHitsWithLLM: confirmSemanticHitsWithLLM, exactCachePolicy: exactCache,
            semanticMaxErrorRate: maxErrorRate)
    }
}
