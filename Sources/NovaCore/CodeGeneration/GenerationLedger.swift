import Foundation
import NovaJSON

/// What a generation did, attempt by attempt: the chain-of-work steps (docs/api.md §3.5 numbering: 1 input_analysis,
/// 2 data analysis, 3 code_generation, 4 code_validation, 5 e2b_execution, 6 output_validation), the errors fed back,
/// tokens, cost and time spent in LLM calls and in the sandbox.
struct GenerationLedger {
    let model: String
    let provider: String
    let wallClock: any WallClock
    private(set) var steps: [ChainStepRecord] = []
    private(set) var errors: [GenerationError] = []
    private(set) var attempts = 0
    private(set) var tokensInput = 0
    private(set) var tokensOutput = 0
    private var cost: Double?
    /// Milliseconds spent waiting for the LLM.
    private(set) var llmMilliseconds = 0.0
    /// Milliseconds spent running code in the sandbox.
    private(set) var sandboxMilliseconds = 0.0
    /// The analyses and the documentation search, set before the first attempt.
    var findings = GenerationFindings()
    /// The documentation search as a tool call (docs/api.md §3.5 `tool_calls`), on the first `code_generation` step.
    var documentationCall: DocumentationCall?

    init(model: String, provider: String, wallClock: any WallClock) {
        self.model = model
        self.provider = provider
        self.wallClock = wallClock
    }

    /// Total cost in USD, nil when the model's price is unknown.
    var costUSD: Double? { cost }

    /// Adds a step.
    mutating func append(_ record: ChainStepRecord) {
        steps.append(record)
    }

    /// Adds an error fed back to the model.
    mutating func appendError(stage: String, error: String, attempt: Int, code: String?) {
        errors.append(GenerationError(stage: stage, error: error, attempt: attempt, failedCode: code))
    }

    /// Counts one LLM call's tokens, cost and time; returns the call's cost (nil when the price is unknown).
    mutating func countCall(_ response: LLMResponse, milliseconds: Double) -> Double? {
        tokensInput += response.inputTokens
        tokensOutput += response.outputTokens
        llmMilliseconds += milliseconds
        let callCost = ModelPrices.costUSD(model: response.model, inputTokens: response.inputTokens, outputTokens: response.outputTokens)
        if let callCost { cost = (cost ?? 0) + callCost }
        return callCost
    }

    /// Counts time waiting for an LLM call that failed.
    mutating func countFailedCall(milliseconds: Double) {
        llmMilliseconds += milliseconds
    }

    /// Counts time in the sandbox.
    mutating func countSandbox(milliseconds: Double) {
        sandboxMilliseconds += milliseconds
    }

    mutating func generationFailed(attempt: Int, error: String, milliseconds: Double) {
        attempts = attempt
        countFailedCall(milliseconds: milliseconds)
        appendError(stage: "code_generation", error: error, attempt: attempt, code: nil)
        steps.append(step(3, "code_generation", "CodeGenerator", attempt: attempt, status: "failed", error: error, milliseconds: milliseconds))
    }

    mutating func generated(attempt: Int, code: String, response: LLMResponse, milliseconds: Double) {
        attempts = attempt
        var record = step(3, "code_generation", "CodeGenerator", attempt: attempt, status: "success", error: nil, milliseconds: milliseconds)
        record.costUSD = countCall(response, milliseconds: milliseconds)
        if attempt == 1, let documentationCall { record.toolCalls = JSONValue(record: [documentationCall]) }
        record.generatedCode = code
        record.modelUsed = response.model
        record.tokensInput = response.inputTokens
        record.tokensOutput = response.outputTokens
        steps.append(record)
    }

    mutating func checked(attempt: Int, code: String, problem: String?) {
        if let problem { appendError(stage: "code_validation", error: problem, attempt: attempt, code: code) }
        steps.append(
            step(
                4, "code_validation", "CodeValidator", attempt: attempt, status: problem == nil ? "success" : "failed", error: problem,
                milliseconds: 0))
    }

    mutating func ran(attempt: Int, code: String, run: CodeRun) {
        countSandbox(milliseconds: run.milliseconds)
        let executed = run.updates != nil || run.outputRejected
        var execution = step(
            5, "e2b_execution", "E2BExecutor", attempt: attempt, status: executed ? "success" : "failed", error: executed ? nil : run.error,
            milliseconds: run.milliseconds)
        execution.outputData = run.executionMetadata
        execution.generatedCode = code
        steps.append(execution)
        if executed {
            steps.append(
                step(
                    6, "output_validation", "OutputValidator", attempt: attempt, status: run.updates != nil ? "success" : "failed", error: run.error,
                    milliseconds: 0))
        }
        if let error = run.error { appendError(stage: executed ? "output_validation" : "e2b_execution", error: error, attempt: attempt, code: code) }
    }

    /// `ai_metadata` of a successful generation (docs/api.md §4.6), without the node's ``NodeSummary``.
    func metadata(code: String, key: String?, semanticSearch: JSONValue?, execution: JSONValue, totalMs: Double) -> JSONValue {
        let generated = GeneratedNodeMetadata(
            generatedCode: code, errors: errors,
            codeGeneration: .init(code: code, model: model, provider: provider, toolCalls: documentationCall.map { [$0] } ?? []),
            totalTimeMs: totalMs, executionMetadata: execution,
            cacheMetadata: .init(cacheKey: key.map(CodePipeline.shortKey), savedForFuture: key != nil), semanticCacheSearch: semanticSearch)
        return JSONValue(record: MergedRecord(generated, findings))
    }

    /// A step record of this generation.
    func step(_ number: Int, _ name: String, _ agent: String, attempt: Int, status: String, error: String?, milliseconds: Double) -> ChainStepRecord {
        ChainStepRecord(
            stepNumber: number, stepName: name, agentName: agent, attemptNumber: attempt, modelUsed: number == 3 ? model : nil, status: status,
            errorMessage: error, executionTimeMs: milliseconds, timestamp: wallClock.now())
    }
}
