import NovaCore
import ServiceKit

/// How prompt nodes get their code: `SEMANTIC_CACHE_ENABLED` (default true), `SEMANTIC_CACHE_THRESHOLD` (0.85),
/// `SEMANTIC_CACHE_TOP_K` (3), `AGENT_MAX_RETRIES` (generation attempts, default 3); the model comes from
/// ``LLMSettings``.
struct PipelineSettings: Sendable {
    var semanticEnabled: Bool
    var threshold: Double
    var topK: Int
    var maxAttempts: Int

    init(env: EnvironmentReader) throws {
        semanticEnabled = try env.bool("SEMANTIC_CACHE_ENABLED", default: true)
        threshold = try env.double("SEMANTIC_CACHE_THRESHOLD", default: 0.85, in: 0...1)
        topK = try env.int("SEMANTIC_CACHE_TOP_K", default: 3, in: 1...10)
        maxAttempts = try env.int("AGENT_MAX_RETRIES", default: 3, in: 1...10)
    }

    /// The pipeline's settings for `model` on the sandbox's Python `runtimeVersion`.
    func pipeline(model: String, runtimeVersion: String) -> CodePipelineSettings {
        CodePipelineSettings(semanticThreshold: threshold, semanticTopK: topK, maxAttempts: maxAttempts, model: model, runtimeVersion: runtimeVersion)
    }
}
