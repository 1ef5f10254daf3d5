import NovaJSON

extension CodePipeline {
    /// The semantic lookup: one search, then candidates above the threshold in score order whose required keys are
    /// available, each confirmed by the model when that is on (``confirmSemanticHit(_:request:prompt:schema:trace:)``),
    /// run and validated; the first valid one wins, is reported and copied to the exact cache. When the model confirms,
    /// the search keeps `SEMANTIC_CACHE_MAX_ERROR_RATE`: candidates from ``CodePipelineSettings/confirmedSearchFloor``
    /// up, the prompt guard's conflicts among them as hints to the model, and a candidate nova-rag's bound finds
    /// confident runs without a confirmation; every verdict is recorded for that bound.
    /// Returns the hit, if any, and the `semantic_cache_search` record (nil when the semantic cache is off).
    func semanticHit(
        _ request: PromptNodeRequest, prompt: String, schema: InputSchema, key: String?, trace: inout NodeTrace
    ) async -> (hit: PromptNodeOutcome?, record: JSONValue?) {
        guard let semantic else { return (nil, nil) }
        let started = timer.now
        let bounded = settings.confirmSemanticHitsWithLLM && llm != nil
        let floor = bounded ? min(settings.semanticThreshold, CodePipelineSettings.confirmedSearchFloor) : settings.semanticThreshold
        let query = SearchText.make(prompt: prompt, inputSchema: schema.types)
        let available = schema.types.keys.sorted()
        let allAvailable = Set(available).union(
            schema.config.compactMap { flag, value in value == .bool(true) ? String(flag.dropFirst("has_".count)) : nil }
        ).union(["database_schemas", "sender_whitelist"])
        var record: [String: JSONValue] = [
            "query": .string(query.count > 500 ? String(query.prefix(500)) + "..." : query), "threshold": .double(settings.semanticThreshold),
            "top_k": .int(settings.semanticTopK), "workflow_id": .int(request.workflowID), "available_keys": .array(available.map(JSONValue.string)),
            "all_available_keys": .array(allAvailable.sorted().map(JSONValue.string)), "cache_hit": false,
        ]
        if bounded {
            record["max_error_rate"] = .double(settings.semanticMaxErrorRate)
            record["floor"] = .double(floor)
        }
        let results: [SemanticCandidate]
        do {
            results = try await semantic.search(
                query: query, availableKeys: allAvailable.sorted(), workflowID: request.workflowID,
                maxErrorRate: bounded ? settings.semanticMaxErrorRate : nil)
        } catch {
            let (reason, message): (String, String) =
                switch error as? SemanticSearchFailure {
                case .unavailable(let message)?: ("rag_unavailable", message)
                case .failed(let message)?: ("search_failed", message)
                case nil: ("search_failed", String(describing: error))
                }
            record["fallback_reason"] = .string(reason)
            record["search_error"] = .string(message)
            record["search_time_ms"] = .double(elapsed(since: started))
            trace.cacheLookupMs += elapsed(since: started)
            return (nil, .object(record))
        }
        record["search_time_ms"] = .double(elapsed(since: started))
        trace.cacheLookupMs += elapsed(since: started)
        trace.similarityScore = results.map(\.score).max()
        record["all_results"] = .array(results.map(Self.summary))
        let candidates = Array(results.filter { $0.score >= floor }.prefix(settings.semanticTopK))
        record["results_above_threshold"] = .array(candidates.map(Self.summary))
        var reason = candidates.isEmpty ? "no_matches_above_threshold" : "missing_required_keys"
        var confirmations: [JSONValue] = []
        for candidate in candidates {
            guard Set(candidate.requiredKeys).isSubset(of: allAvailable) else { continue }
            var confirmed = false
            if bounded && candidate.servable {
                record["served_without_confirmation"] = .string(candidate.id)
            } else if let confirmation = await confirmSemanticHit(candidate, request: request, prompt: prompt, schema: schema, trace: &trace) {
                confirmations.append(confirmation.record)
                record["llm_confirmations"] = .array(confirmations)
                if let verdict = confirmation.verdict { await semantic.recordVerdict(candidate, correct: verdict) }
                guard confirmation.accepted else {
                    reason = "llm_rejected"
                    continue
                }
                confirmed = confirmation.verdict == true
            }
            let run = await CodeRun.run(candidate.code, for: request, sandbox: sandbox, clock: timer)
            trace.executionMs += run.milliseconds
            await semantic.report(candidate, success: run.updates != nil, confirmed: confirmed)
            guard let updates = run.updates else {
                reason = run.outputRejected ? "output_validation_failed" : "execution_failed"
                continue
            }
            record["cache_hit"] = true
            record["selected_match"] = Self.summary(candidate)
            if let key {
                await saveExact(
                    ExactCacheDraft(
                        cacheKey: key, taskHash: ExactCacheKey.taskHash(prompt: prompt), generatedCode: candidate.code, model: "semantic_cache",
                        originalPrompt: prompt, workflowID: request.workflowID, nodeID: request.node.id, costUSD: candidate.generationCostUSD,
                        tokensInput: candidate.generationTokensInput, tokensOutput: candidate.generationTokensOutput,
                        executionTimeMs: run.milliseconds))
            }
            trace.source = .semanticHit
            trace.similarityScore = candidate.score
            trace.model = "semantic_cache"
            trace.costUSD = 0
            trace.tokensSaved = (candidate.generationTokensInput ?? 0) + (candidate.generationTokensOutput ?? 0)
            trace.costSavedUSD = candidate.generationCostUSD
            let metadata: JSONValue = .object([
                "code_source": "semantic_hit", "model": "semantic_cache", "generated_code": .string(candidate.code), "from_semantic_cache": true,
                "semantic_cache_search": .object(record),
                "_cache_metadata": .object([
                    "cache_hit": true, "cache_type": "semantic", "similarity_score": .double(candidate.score),
                    "matched_action": .string(candidate.nodeAction),
                    "cost_saved_usd": candidate.generationCostUSD.map(JSONValue.double) ?? .null,
                ]),
                "_execution_metadata": run.executionMetadata,
            ])
            return (
                PromptNodeOutcome(updates: updates, error: nil, code: candidate.code, aiMetadata: request.redactor.redactValues(metadata), steps: []),
                nil
            )
        }
        record["fallback_reason"] = .string(reason)
        return (nil, .object(record))
    }

    private static func summary(_ candidate: SemanticCandidate) -> JSONValue {
        var summary: [String: JSONValue] = [
            "id": .string(candidate.id), "score": .double(candidate.score), "node_action": .string(candidate.nodeAction),
            "required_keys": .array(candidate.requiredKeys.map(JSONValue.string)),
        ]
        if let confidence = candidate.confidence {
            summary["confidence"] = .double(confidence)
            summary["decision"] = .string(candidate.servable ? "serve" : "confirm")
        }
        if let conflict = candidate.guardConflict { summary["guard_conflict"] = .string(conflict) }
        return .object(summary)
    }
}
