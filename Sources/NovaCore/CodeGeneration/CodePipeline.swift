import Foundation
import NovaJSON

/// The code pipeline of a prompt node (docs/api.md §4.1): exact cache, then semantic cache, then LLM generation; every
/// candidate runs in the sandbox and its output is checked before it counts; only validated generated code is saved.
package struct CodePipeline: PromptNodeExecutor {
    let exactCache: any ExactCodeCacheStore
    let semantic: (any SemanticCodeSource)?
    let documentation: (any DocumentationSource)?
    let llm: (any LLMProvider)?
    let sandbox: any Sandbox
    let syntax: any PythonSyntaxChecker
    let stats: (any CodeSourceStatsStore)?
    let settings: CodePipelineSettings
    let wallClock: any WallClock
    let timer = ContinuousClock()

    /// Creates the pipeline; `semantic` nil disables the semantic cache, `documentation` nil the documentation snippets,
    /// `llm` nil generation, `stats` nil the code-source statistics.
    package init(
        exactCache: any ExactCodeCacheStore, semantic: (any SemanticCodeSource)?, documentation: (any DocumentationSource)?, llm: (any LLMProvider)?,
        sandbox: any Sandbox, syntax: any PythonSyntaxChecker, stats: (any CodeSourceStatsStore)?, settings: CodePipelineSettings,
        wallClock: any WallClock
    ) {
        self.exactCache = exactCache
        self.semantic = semantic
        self.documentation = documentation
        self.llm = llm
        self.sandbox = sandbox
        self.syntax = syntax
        self.stats = stats
        self.settings = settings
        self.wallClock = wallClock
    }

    package func execute(_ request: PromptNodeRequest) async -> PromptNodeOutcome {
        guard let prompt = request.node.prompt, !prompt.isEmpty else {
            return PromptNodeOutcome(updates: nil, error: "Node \(request.node.id) has no prompt", code: "", aiMetadata: .object([:]), steps: [])
        }
        let started = timer.now
        var trace = NodeTrace()
        let outcome = await resolve(request, prompt: prompt, trace: &trace)
        if let stats { try? await stats.record(trace.event) }
        return outcome.adding(trace.summary(totalMs: elapsed(since: started)))
    }

    private func resolve(_ request: PromptNodeRequest, prompt: String, trace: inout NodeTrace) async -> PromptNodeOutcome {
        let schema = InputSchema(context: request.context)
        let key = ExactCacheKey.make(prompt: prompt, nodeType: request.node.kind.rawValue, runtimeVersion: settings.runtimeVersion, schema: schema)
        if let key, let hit = await exactHit(request, key: key, trace: &trace) { return hit }
        let search = await semanticHit(request, prompt: prompt, schema: schema, key: key, trace: &trace)
        if let hit = search.hit { return hit }
        return await generate(request, prompt: prompt, schema: schema, key: key, semanticSearch: search.record, trace: &trace)
    }

    /// Saves `draft` to the exact cache unless its (workflow, key) exists, then applies the cache's TTL and size bound.
    func saveExact(_ draft: ExactCacheDraft) async {
        let now = wallClock.now()
        _ = try? await exactCache.insertIfAbsent(draft, at: now)
        _ = try? await exactCache.prune(settings.exactCachePolicy, now: now)
    }

    /// Milliseconds since `start`.
    func elapsed(since start: ContinuousClock.Instant) -> Double {
        start.duration(to: timer.now).milliseconds
    }

    /// `<first 16 hex>...`, how keys are shown in metadata.
    static func shortKey(_ key: String) -> String {
        String(key.prefix(16)) + "..."
    }
}
