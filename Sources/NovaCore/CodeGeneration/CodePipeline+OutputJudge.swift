import NovaJSON

extension CodePipeline {
    /// Stage 6 after the rule checks when `VALIDATE_OUTPUT_WITH_LLM=true`: asks the model whether `updates` do what the
    /// node's prompt asks. Returns the rejection to feed back into the next attempt, or nil when the output is accepted.
    /// A failed call or an answer without a verdict does not reject output the rules accepted; the step records why.
    func judgeOutput(
        _ request: PromptNodeRequest, prompt: String, updates: [String: JSONValue], code: String, attempt: Int, llm: any LLMProvider,
        ledger: inout GenerationLedger
    ) async -> String? {
        guard settings.validateOutputWithLLM else { return nil }
        let judge = OutputJudgePrompt(prompt: prompt, updates: updates, redactor: request.redactor)
        let started = timer.now
        var record = ledger.step(6, "output_validation", "LLMOutputValidator", attempt: attempt, status: "success", error: nil, milliseconds: 0)
        record.inputData = JSONValue(record: OutputJudgePayload(outputSchema: judge.schema.types))
        record.modelUsed = settings.model
        let answer: LLMResponse, verdict: LLMVerdict?
        do {
            (answer, verdict) = try await llm.ask(judge, model: settings.model)
        } catch {
            let milliseconds = elapsed(since: started)
            ledger.countFailedCall(milliseconds: milliseconds)
            record.status = "failed"
            record.errorMessage = request.redactor.redact("the LLM validator could not be asked (output accepted on the rules): \(error)")
            record.executionTimeMs = milliseconds
            ledger.append(record)
            return nil
        }
        record.executionTimeMs = elapsed(since: started)
        record.costUSD = ledger.countCall(answer, milliseconds: record.executionTimeMs)
        record.tokensInput = answer.inputTokens
        record.tokensOutput = answer.outputTokens
        guard let verdict else {
            record.status = "failed"
            record.errorMessage = "the LLM validator gave no JSON verdict (output accepted on the rules)"
            ledger.append(record)
            return nil
        }
        let reason = request.redactor.redact(String(verdict.reason.prefix(500)))
        record.outputData = JSONValue(record: VerdictPayload(valid: verdict.valid, reason: reason))
        guard !verdict.valid else {
            ledger.append(record)
            return nil
        }
        let rejection = "The output was judged wrong: \(reason)"
        record.status = "failed"
        record.errorMessage = rejection
        ledger.append(record)
        ledger.appendError(stage: "output_validation", error: rejection, attempt: attempt, code: code)
        return rejection
    }
}
