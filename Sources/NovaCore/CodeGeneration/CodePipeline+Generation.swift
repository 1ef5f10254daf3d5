import Foundation
import NovaJSON

extension CodePipeline {
    /// Generation (docs/api.md §4.3): documentation snippets (once), stage 1 (does the data need analysis?), stage 2
    /// (analysis code run in the sandbox, its redacted insights kept), then up to `maxAttempts` rounds of write (3) →
    /// static checks (4) → run (5) → output check (6: rules, then the LLM's verdict when enabled), each a chain-of-work
    /// step, the previous error fed back; only code that passed is saved to both caches. A node that never produced
    /// valid code fails (D2) with every step and the last code kept (D30).
    func generate(
        _ request: PromptNodeRequest, prompt: String, schema: InputSchema, key: String?, semanticSearch: JSONValue?, trace: inout NodeTrace
    ) async -> PromptNodeOutcome {
        let started = timer.now
        guard let llm else {
            let error = "No cached code matched this prompt and no LLM is configured (set ANTHROPIC_API_KEY or OPENAI_API_KEY)"
            return failure(request, error: error, code: prompt, ledger: nil, semanticSearch: semanticSearch, started: started)
        }
        var ledger = GenerationLedger(model: settings.model, provider: llm.providerName, wallClock: wallClock)
        let documentationStarted = timer.now
        let snippets = await documentationSnippets(for: prompt, ledger: &ledger)
        trace.documentationMs = elapsed(since: documentationStarted)
        let insights = await analyseData(request, prompt: prompt, schema: schema, llm: llm, ledger: &ledger)
        let task = GenerationPrompt(
            nodeID: request.node.id, nodeType: request.node.kind.rawValue, prompt: prompt, schema: schema, insights: insights,
            documentation: snippets.map(\.text))
        let outcome = await runAttempts(
            request, prompt: prompt, schema: schema, key: key, task: task, llm: llm, ledger: &ledger, semanticSearch: semanticSearch, started: started
        )
        trace.source = outcome.updates == nil ? .failed : .generated
        trace.attempts = ledger.attempts
        trace.model = settings.model
        trace.tokensInput = ledger.tokensInput
        trace.tokensOutput = ledger.tokensOutput
        trace.costUSD = ledger.costUSD
        trace.generationMs = ledger.llmMilliseconds
        trace.executionMs += ledger.sandboxMilliseconds
        return outcome
    }

    private func runAttempts(
        _ request: PromptNodeRequest, prompt: String, schema: InputSchema, key: String?, task: GenerationPrompt, llm: any LLMProvider,
        ledger: inout GenerationLedger, semanticSearch: JSONValue?, started: ContinuousClock.Instant
    ) async -> PromptNodeOutcome {
        var messages = [LLMMessage(role: .user, content: task.task)]
        var lastCode = prompt
        var lastError = "generation was not attempted"
        for attempt in 1...max(1, settings.maxAttempts) {
            let callStarted = timer.now
            let answer: LLMResponse
            do {
                answer = try await llm.complete(LLMRequest(model: settings.model, system: task.system, messages: messages))
            } catch {
                lastError = request.redactor.redact(String(describing: error))
                ledger.generationFailed(attempt: attempt, error: lastError, milliseconds: elapsed(since: callStarted))
                if (error as? LLMError)?.isTransient == true { continue }
                break
            }
            let code = GeneratedCodeExtractor.code(from: answer.text)
            lastCode = code
            ledger.generated(attempt: attempt, code: code, response: answer, milliseconds: elapsed(since: callStarted))
            if let problem = await staticProblem(in: code) {
                lastError = problem
                ledger.checked(attempt: attempt, code: code, problem: problem)
            } else {
                ledger.checked(attempt: attempt, code: code, problem: nil)
                let run = await CodeRun.run(code, for: request, sandbox: sandbox, clock: timer)
                ledger.ran(attempt: attempt, code: code, run: run)
                if let updates = run.updates {
                    if let rejection = await judgeOutput(
                        request, prompt: prompt, updates: updates, code: code, attempt: attempt, llm: llm, ledger: &ledger)
                    {
                        lastError = rejection
                    } else {
                        await saveGenerated(request, prompt: prompt, schema: schema, key: key, code: code, ledger: ledger, run: run)
                        let metadata = ledger.metadata(
                            code: code, key: key, semanticSearch: semanticSearch, execution: run.executionMetadata, totalMs: elapsed(since: started))
                        return PromptNodeOutcome(
                            updates: updates, error: nil, code: code, aiMetadata: request.redactor.redactValues(metadata), steps: ledger.steps)
                    }
                } else {
                    lastError = run.error ?? "the code failed"
                }
            }
            messages.append(LLMMessage(role: .assistant, content: answer.text))
            messages.append(LLMMessage(role: .user, content: GenerationPrompt.retry(after: lastError)))
        }
        return failure(
            request, error: "Code generation failed after \(ledger.attempts) attempt(s): \(lastError)", code: lastCode, ledger: ledger,
            semanticSearch: semanticSearch, started: started)
    }

    /// Static checks of node or analysis code: forbidden modules and calls, output protocol, then `ast.parse`.
    func staticProblem(in code: String) async -> String? {
        if let problem = StaticCodeCheck.problem(in: code) { return problem }
        do {
            if let error = try await syntax.syntaxErrors(in: [code]).first ?? nil { return "syntax error: \(error)" }
        } catch {
            return "cannot check the syntax: \(error)"
        }
        return nil
    }

    private func saveGenerated(
        _ request: PromptNodeRequest, prompt: String, schema: InputSchema, key: String?, code: String, ledger: GenerationLedger, run: CodeRun
    ) async {
        if let key {
            await saveExact(
                ExactCacheDraft(
                    cacheKey: key, taskHash: ExactCacheKey.taskHash(prompt: prompt), generatedCode: code, model: settings.model,
                    originalPrompt: prompt,
                    workflowID: request.workflowID, nodeID: request.node.id, costUSD: ledger.costUSD, tokensInput: ledger.tokensInput,
                    tokensOutput: ledger.tokensOutput, executionTimeMs: run.milliseconds))
        }
        try? await semantic?.save(
            SemanticSaveDraft(
                prompt: prompt, schema: schema, code: code, nodeID: request.node.id, workflowID: request.workflowID, tokensInput: ledger.tokensInput,
                tokensOutput: ledger.tokensOutput, costUSD: ledger.costUSD))
    }

    private func failure(
        _ request: PromptNodeRequest, error: String, code: String, ledger: GenerationLedger?, semanticSearch: JSONValue?,
        started: ContinuousClock.Instant
    ) -> PromptNodeOutcome {
        let failed = FailedNodeMetadata(
            finalError: error, errors: ledger?.errors ?? [], generatedCode: code, totalTimeMs: elapsed(since: started),
            semanticCacheSearch: semanticSearch)
        let metadata = JSONValue(record: MergedRecord(failed, ledger?.findings ?? GenerationFindings()))
        return PromptNodeOutcome(
            updates: nil, error: request.redactor.redact(error), code: code, aiMetadata: request.redactor.redactValues(metadata),
            steps: ledger?.steps ?? [])
    }
}
