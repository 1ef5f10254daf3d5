import Foundation
import NovaCore
import Shared

extension CodePipeline {
    /// The pipeline nova runs prompt nodes with: the exact cache in nova's store; the semantic cache through `rag`
    /// unless it is nil (no `RAG_SERVICE_URL`) or `SEMANTIC_CACHE_ENABLED=false`; documentation snippets through `rag`
    /// when it is set; generation when an LLM key is set; code-source counts in `stats`. The exact-cache key includes
    /// the sandbox's Python version (`runtimeVersion`).
    static func configured(
        config: NovaConfig, exactCache: any ExactCodeCacheStore, stats: any CodeSourceStatsStore, rag: NovaRAGClient?, sandbox: any Sandbox,
        runtimeVersion: String
    ) -> CodePipeline {
        let semantic = config.pipeline.semanticEnabled ? rag.map { RAGSemanticCodeSource(client: $0, wallClock: SystemWallClock()) } : nil
        let llm: (any LLMProvider)? = config.llm.openAIKey == nil && config.llm.anthropicKey == nil ? nil : config.llm.router
        return CodePipeline(
            exactCache: exactCache, semantic: semantic, documentation: rag.map { RAGDocumentationSource(client: $0) }, llm: llm, sandbox: sandbox,
            syntax: ProcessPythonSyntaxChecker(), stats: stats,
            settings: config.pipeline.pipeline(model: config.llm.model, runtimeVersion: runtimeVersion),
            wallClock: SystemWallClock())
    }
}
