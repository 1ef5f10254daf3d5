import NovaJSON

extension CodePipeline {
    /// Asks the model whether `candidate` does what `prompt` asks (``SemanticHitJudgePrompt``), when
    /// `CONFIRM_SEMANTIC_HITS_WITH_LLM` is on and an LLM is configured; nil otherwise. The call's tokens and cost are
    /// added to `trace`, its time to the cache lookup's. A failed call or an answer without a verdict leaves the
    /// decision to cosine and the prompt guard (precision then rests on them, as without a key): the candidate is
    /// accepted when it reaches `SEMANTIC_CACHE_THRESHOLD` without a guard conflict; the record says why. `verdict` is
    /// the model's answer, nil without one.
    func confirmSemanticHit(
        _ candidate: SemanticCandidate, request: PromptNodeRequest, prompt: String, schema: InputSchema, trace: inout NodeTrace
    ) async -> (accepted: Bool, verdict: Bool?, record: JSONValue)? {
        guard settings.confirmSemanticHitsWithLLM, let llm else { return nil }
        let offlineAccepts = candidate.score >= settings.semanticThreshold && candidate.guardConflict == nil
        let judge = SemanticHitJudgePrompt(
            prompt: request.redactor.redact(prompt), inputKeys: Array(schema.types.keys), cachedPrompt: request.redactor.redact(candidate.prompt),
            code: request.redactor.redact(candidate.code), guardHint: candidate.guardConflict.map { request.redactor.redact($0) })
        let started = timer.now
        defer { trace.cacheLookupMs += elapsed(since: started) }
        var record: [String: JSONValue] = ["id": .string(candidate.id), "model": .string(settings.model)]
        let answer: LLMResponse, verdict: LLMVerdict?
        do {
            (answer, verdict) = try await llm.ask(judge, model: settings.model)
        } catch {
            record["time_ms"] = .double(elapsed(since: started))
            record["error"] = .string(request.redactor.redact("the model could not be asked (decided on cosine and the guard): \(error)"))
            return (offlineAccepts, nil, .object(record))
        }
        let cost = trace.countConfirmation(answer)
        record["time_ms"] = .double(elapsed(since: started))
        record["tokens_input"] = .int(answer.inputTokens)
        record["tokens_output"] = .int(answer.outputTokens)
        record["cost_usd"] = cost.map(JSONValue.double) ?? .null
        guard let verdict else {
            record["error"] = "the model gave no JSON verdict (decided on cosine and the guard)"
            return (offlineAccepts, nil, .object(record))
        }
        record["valid"] = .bool(verdict.valid)
        record["reason"] = .string(request.redactor.redact(String(verdict.reason.prefix(500))))
        return (verdict.valid, verdict.valid, .object(record))
    }
}
