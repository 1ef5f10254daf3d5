import NovaJSON

/// What the pipeline did for one prompt node, gathered along the way: where the code came from, similarity, attempts,
/// model, tokens and cost spent and saved, and time per phase. It becomes the common fields of the entry's
/// `ai_metadata` and the node's ``CodeSourceEvent``.
struct NodeTrace {
    var source = CodeSource.failed
    /// Semantic similarity of the hit, or of the best search result when the node was generated.
    var similarityScore: Double?
    var attempts = 0
    var model: String?
    var tokensInput = 0
    var tokensOutput = 0
    var costUSD: Double?
    /// Tokens and cost recorded for the generation a hit avoided.
    var tokensSaved = 0
    var costSavedUSD: Double?
    /// Tokens and cost of the model's confirmations of semantic candidates, on top of any generation's; the cost is
    /// nil once a confirming model's price is unknown.
    private(set) var confirmationTokensInput = 0
    private(set) var confirmationTokensOutput = 0
    private(set) var confirmationCostUSD: Double? = 0
    var cacheLookupMs = 0.0
    var documentationMs = 0.0
    var generationMs = 0.0
    var executionMs = 0.0

    /// Counts one confirmation call's tokens and cost; returns the call's cost (nil when the price is unknown).
    mutating func countConfirmation(_ response: LLMResponse) -> Double? {
        confirmationTokensInput += response.inputTokens
        confirmationTokensOutput += response.outputTokens
        let callCost = ModelPrices.costUSD(model: response.model, inputTokens: response.inputTokens, outputTokens: response.outputTokens)
        confirmationCostUSD = confirmationCostUSD.flatMap { total in callCost.map { total + $0 } }
        return callCost
    }

    /// Tokens and cost of every LLM call the node made: generation and confirmations.
    private var totalTokensInput: Int { tokensInput + confirmationTokensInput }
    private var totalTokensOutput: Int { tokensOutput + confirmationTokensOutput }
    private var totalCostUSD: Double? { costUSD.flatMap { cost in confirmationCostUSD.map { cost + $0 } } }

    /// The node's statistics event.
    var event: CodeSourceEvent {
        CodeSourceEvent(
            source: source, tokensInput: totalTokensInput, tokensOutput: totalTokensOutput, costUSD: totalCostUSD ?? 0, tokensSaved: tokensSaved,
            costSavedUSD: costSavedUSD ?? 0)
    }

    /// The `ai_metadata` fields every prompt node carries.
    func summary(totalMs: Double) -> NodeSummary {
        NodeSummary(
            codeSource: source == .failed ? CodeSource.generated.rawValue : source.rawValue, similarityScore: similarityScore, attempts: attempts,
            model: model, tokensInput: totalTokensInput, tokensOutput: totalTokensOutput, costUSD: totalCostUSD,
            timings: .init(
                cacheLookupMs: cacheLookupMs, documentationMs: documentationMs, generationMs: generationMs, executionMs: executionMs, totalMs: totalMs
            ),
            generationAvoided: source.isHit ? .init(tokens: tokensSaved, costUSD: costSavedUSD) : nil)
    }
}

extension PromptNodeOutcome {
    /// This outcome with `summary`'s fields set in its `ai_metadata` (numbers and names only: nothing to redact).
    func adding(_ summary: NodeSummary) -> PromptNodeOutcome {
        let metadata = (aiMetadata.objectValue ?? [:]).merging(JSONValue(record: summary).objectValue ?? [:]) { $1 }
        return PromptNodeOutcome(updates: updates, error: error, code: code, aiMetadata: .object(metadata), steps: steps)
    }
}
