import NovaJSON

extension CodePipeline {
    /// Runs the exact-cache entry for `key`, if any; an expired entry is a miss and is purged; a failing entry is
    /// counted (and evicted when its success rate falls under 0.7 after 3 reuses) and the node falls through.
    func exactHit(_ request: PromptNodeRequest, key: String, trace: inout NodeTrace) async -> PromptNodeOutcome? {
        let started = timer.now
        let found = try? await exactCache.lookup(workflowID: request.workflowID, cacheKey: key)
        trace.cacheLookupMs += elapsed(since: started)
        guard let entry = found else { return nil }
        let now = wallClock.now()
        if settings.exactCachePolicy.isExpired(entry, now: now) {
            _ = try? await exactCache.prune(settings.exactCachePolicy, now: now)
            return nil
        }
        let run = await CodeRun.run(entry.generatedCode, for: request, sandbox: sandbox, clock: timer)
        trace.executionMs += run.milliseconds
        let updated = try? await exactCache.recordReuse(
            id: entry.id, success: run.updates != nil, executionTimeMs: run.milliseconds, at: wallClock.now())
        guard let updates = run.updates else {
            if let updated, updated.successRate < 0.7, updated.timesReused >= 3 { _ = try? await exactCache.delete(id: entry.id) }
            return nil
        }
        trace.source = .exactHit
        trace.model = entry.model
        trace.costUSD = 0
        trace.tokensSaved = (entry.tokensInput ?? 0) + (entry.tokensOutput ?? 0)
        trace.costSavedUSD = entry.costUSD
        let metadata = ExactHitMetadata(
            generatedCode: entry.generatedCode, originalPrompt: entry.originalPrompt, tokensUsed: trace.tokensSaved,
            cacheMetadata: .init(
                cacheKey: Self.shortKey(key), timesReused: updated?.timesReused ?? entry.timesReused + 1, originalCostUSD: entry.costUSD,
                costSavedUSD: entry.costUSD ?? 0),
            executionMetadata: run.executionMetadata)
        return PromptNodeOutcome(
            updates: updates, error: nil, code: entry.generatedCode, aiMetadata: request.redactor.redactValues(JSONValue(record: metadata)), steps: []
        )
    }
}
