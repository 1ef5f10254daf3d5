import NovaJSON

extension CodePipeline {
    /// Runs the exact-cache entry for `key`, if any; a failing entry is counted (and evicted when its success rate
    /// falls under 0.7 after 3 reuses) and the node falls through.
    func exactHit(_ request: PromptNodeRequest, key: String) async -> PromptNodeOutcome? {
        let started = timer.now
        guard let entry = try? await exactCache.lookup(workflowID: request.workflowID, cacheKey: key) else { return nil }
        let run = await CodeRun.run(entry.generatedCode, for: request, sandbox: sandbox, clock: timer)
        let updated = try? await exactCache.recordReuse(id: entry.id, success: run.updates != nil, executionTimeMs: run.milliseconds, at: wallClock.now())
        guard let updates = run.updates else {
            if let updated, updated.successRate < 0.7, updated.timesReused >= 3 { _ = try? await exactCache.delete(id: entry.id) }
            return nil
        }
        let metadata: JSONValue = .object([
            "code_source": "exact_hit", "model": .string(entry.model), "generated_code": .string(entry.generatedCode),
            "original_prompt": .string(entry.originalPrompt), "tokens_used": .int((entry.tokensInput ?? 0) + (entry.tokensOutput ?? 0)),
            "cost_usd": .double(0),
            "_cache_metadata": .object([
                "cache_hit": true, "cache_key": .string(Self.shortKey(key)), "times_reused": .int(updated?.timesReused ?? entry.timesReused + 1),
                "original_cost_usd": entry.costUSD.map(JSONValue.double) ?? .null, "cost_saved_usd": .double(entry.costUSD ?? 0),
            ]),
            "_execution_metadata": run.executionMetadata,
            "timings": .object(["total_ms": .double(elapsed(since: started)), "execution_ms": .double(run.milliseconds)]),
        ])
        return PromptNodeOutcome(updates: updates, error: nil, code: entry.generatedCode, aiMetadata: request.redactor.redactValues(metadata), steps: [])
    }
}
