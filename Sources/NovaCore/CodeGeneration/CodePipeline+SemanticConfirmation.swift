import NovaJSON

extension CodePipeline {
    /// Asks the model whether `candidate` does what `prompt` asks (``SemanticHitJudgePrompt``), when
    /// `CONFIRM_SEMANTIC_HITS_WITH_LLM` is on and an LLM is configured; nil otherwise. The call's tokens and cost are
    /// added to `trace`, its time to the cache lookup's. A failed call or an answer without a verdict does not reject
    /// a candidate that cosine and the prompt guard accepted (precision then rests on them, as without a key); the
    /// record says why.
    func confirmSemanticHit(
        _ candidate: SemanticCandidate, request: PromptNodeRequest, prompt: String, schema: InputSchema, trace: inout NodeTrace
    ) async -> (accepted: Bool, record: JSONValue)? {
        guard settings.confirmSemanticHitsWithLLM, let llm else { return nil }
        let judge = SemanticHitJudgePrompt(
            prompt: request.redactor.redact(prompt), inputKeys: Array(schema.types.keys), cachedPrompt: request.redactor.redact(candidate.prompt),
            code: request.redactor.redact(candidate.code))
        let started = timer.now
        defer { trace.cacheLookupMs += elapsed(since: started) }
        var record: [String: JSONValue] = ["id": .string(candidate.id), "model": .string(settings.model)]
        let answer: LLMResponse, verdict: LLMVerdict?
        do {
            (answer, verdict) = try await llm.ask(judge, model: settings.model)
        } catch {
            record["time_ms"] = .double(elapsed(since: started))
            record["error"] = .string(request.redactor.redact("the model could not be asked (candidate accepted on cosine and the guard): \(error)"))
            return (true, .object(record))
        }
        let cost = trace.countConfirmation(answer)
        record["time_ms"] = .double(elapsed(since: started))
        record["tokens_input"] = .int(answer.inputTokens)
        record["tokens_output"] = .int(answer.outputTokens)
        record["cost_usd"] = cost.map(JSONValue.double) ?? .null
        guard let verdict else {
            record["error"] = "the model gave no JSON verdict (candidate accepted on cosine and the guard)"
            return (true, .object(record))
        }
        record["valid"] = .bool(verdict.valid)
        record["reason"] = .string(request.redactor.redact(String(verdict.reason.prefix(500))))
        return (verdict.valid, .object(record))
    }
}
