import NovaJSON

extension CodePipeline {
    /// Analysis code attempts per generation.
    static let analysisAttempts = 2

    /// Generation stages 1 and 2. Stage 1 (`input_analysis`) decides from the schema whether the data needs analysis
    /// (``DataAnalysisPlan``: deterministic, no LLM call). Stage 2, when needed, asks the model for analysis code
    /// (`data_analysis`), checks it (`analysis_code_validation`), runs it (`analysis_execution`, see ``AnalysisRun``)
    /// and keeps its insights when there are some (`analysis_validation`), up to ``analysisAttempts`` times with the
    /// error fed back. Returns the redacted insights for the generation prompt; none when analysis failed.
    func analyseData(
        _ request: PromptNodeRequest, prompt: String, schema: InputSchema, llm: any LLMProvider, ledger: inout GenerationLedger
    ) async -> [String] {
        let plan = DataAnalysisPlan(context: request.context, schema: schema)
        let decision = InputAnalysis(needsAnalysis: plan.isNeeded, keys: plan.keys, reason: plan.explanation)
        var decided = ledger.step(1, "input_analysis", "InputAnalyzer", attempt: 1, status: "success", error: nil, milliseconds: 0)
        decided.inputData = JSONValue(record: InputSchemaPayload(inputSchema: schema.types))
        decided.outputData = JSONValue(record: decision)
        ledger.append(decided)
        ledger.findings.inputAnalysis = decision
        guard plan.isNeeded else { return [] }
        let analysis = AnalysisPrompt(prompt: prompt, plan: plan, schema: schema)
        var messages = [LLMMessage(role: .user, content: analysis.task)]
        var lastError = "analysis was not attempted"
        for attempt in 1...Self.analysisAttempts {
            let callStarted = timer.now
            let answer: LLMResponse
            do {
                answer = try await llm.complete(LLMRequest(model: settings.model, system: analysis.system, messages: messages))
            } catch {
                let milliseconds = elapsed(since: callStarted)
                ledger.countFailedCall(milliseconds: milliseconds)
                lastError = request.redactor.redact(String(describing: error))
                ledger.append(
                    ledger.step(2, "data_analysis", "DataAnalyzer", attempt: attempt, status: "failed", error: lastError, milliseconds: milliseconds))
                if (error as? LLMError)?.isTransient == true { continue }
                break
            }
            let code = GeneratedCodeExtractor.code(from: answer.text)
            let milliseconds = elapsed(since: callStarted)
            var written = ledger.step(2, "data_analysis", "DataAnalyzer", attempt: attempt, status: "success", error: nil, milliseconds: milliseconds)
            written.costUSD = ledger.countCall(answer, milliseconds: milliseconds)
            written.generatedCode = code
            written.modelUsed = answer.model
            written.tokensInput = answer.inputTokens
            written.tokensOutput = answer.outputTokens
            ledger.append(written)
            let problem = await staticProblem(in: code)
            ledger.append(
                ledger.step(
                    2, "analysis_code_validation", "CodeValidator", attempt: attempt, status: problem == nil ? "success" : "failed", error: problem,
                    milliseconds: 0))
            if let problem {
                lastError = problem
            } else {
                let run = await AnalysisRun.run(code, plan: plan, for: request, sandbox: sandbox, clock: timer)
                ledger.countSandbox(milliseconds: run.milliseconds)
                var execution = ledger.step(
                    2, "analysis_execution", "E2BExecutor", attempt: attempt, status: run.executed ? "success" : "failed",
                    error: run.executed ? nil : run.error,
                    milliseconds: run.milliseconds)
                execution.outputData = run.executionMetadata
                execution.generatedCode = code
                ledger.append(execution)
                var validation = ledger.step(
                    2, "analysis_validation", "AnalysisValidator", attempt: attempt, status: run.insights.isEmpty ? "failed" : "success",
                    error: run.error,
                    milliseconds: 0)
                validation.outputData = JSONValue(record: InsightsPayload(insights: run.insights))
                ledger.append(validation)
                if !run.insights.isEmpty {
                    ledger.findings.dataAnalysis = .succeeded(attempts: attempt, insights: run.insights, code: code)
                    return run.insights
                }
                lastError = run.error ?? "the analysis failed"
            }
            messages.append(LLMMessage(role: .assistant, content: answer.text))
            messages.append(LLMMessage(role: .user, content: GenerationPrompt.retry(after: lastError)))
        }
        ledger.findings.dataAnalysis = .failed(lastError)
        return []
    }
}
