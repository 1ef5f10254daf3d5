import NovaJSON

/// The semantic code cache as the pipeline sees it (nova-rag's `/code/*`, through nova's client): search once per
/// node, save after a validated generation, report how a reused entry fared.
package protocol SemanticCodeSource: Sendable {
    /// Every entry scoring above 0 for `query`, best first (up to 10), restricted to `workflowID`. With
    /// `maxErrorRate` (a caller that confirms candidates with the model) each comes with nova-rag's decision under that
    /// tolerated false-hit rate, and candidates the prompt guard finds in conflict come marked instead of dropped.
    func search(query: String, availableKeys: [String], workflowID: Int, maxErrorRate: Double?) async throws -> [SemanticCandidate]
    /// Saves validated code.
    func save(_ draft: SemanticSaveDraft) async throws
    /// Reports whether reused code produced valid output, and whether the model had confirmed it.
    func report(_ candidate: SemanticCandidate, success: Bool, confirmed: Bool) async
    /// Records the model's verdict on a candidate, the evidence its error-rate bound learns from.
    func recordVerdict(_ candidate: SemanticCandidate, correct: Bool) async
}

/// One search result.
package struct SemanticCandidate: Sendable, Equatable {
    /// Entry id.
    package let id: String
    /// Stored code.
    package let code: String
    /// Cosine similarity in [0, 1].
    package let score: Double
    /// Context keys the code reads.
    package let requiredKeys: [String]
    /// The node the code was written for.
    package let nodeAction: String
    /// The prompt the code was written for (its first 100 characters for entries saved without the whole).
    package let prompt: String
    /// Prompt tokens of the generation that wrote it, when recorded (not for seed code).
    package let generationTokensInput: Int?
    /// Completion tokens of that generation.
    package let generationTokensOutput: Int?
    /// USD of that generation.
    package let generationCostUSD: Double?
    /// The prompt guard's reason when it finds the two prompts in conflict (searches with a tolerated error rate only).
    package var guardConflict: String? = nil
    /// Whether nova-rag's error-rate bound lets it run without a confirmation (searches with a tolerated error rate only).
    package var servable = false
    /// nova-rag's lower confidence bound of it being correct (searches with a tolerated error rate only).
    package var confidence: Double? = nil

    /// Creates the candidate.
    package init(
        id: String, code: String, score: Double, requiredKeys: [String], nodeAction: String, prompt: String, generationTokensInput: Int? = nil,
        generationTokensOutput: Int? = nil, generationCostUSD: Double? = nil
    ) {
        self.id = id
        self.code = code
        self.score = score
        self.requiredKeys = requiredKeys
        self.nodeAction = nodeAction
        self.prompt = prompt
        self.generationTokensInput = generationTokensInput
        self.generationTokensOutput = generationTokensOutput
        self.generationCostUSD = generationCostUSD
    }
}

/// What is saved to the semantic cache after a validated generation (docs/api.md §4.5).
package struct SemanticSaveDraft: Sendable, Equatable {
    /// The node prompt.
    package let prompt: String
    /// The input schema.
    package let schema: InputSchema
    /// The code.
    package let code: String
    /// The node id.
    package let nodeID: String
    /// The workflow.
    package let workflowID: Int
    /// Prompt tokens the generation spent.
    package let tokensInput: Int
    /// Completion tokens the generation spent.
    package let tokensOutput: Int
    /// USD the generation cost, nil when the model's price is unknown.
    package let costUSD: Double?

    /// Creates the draft.
    package init(
        prompt: String, schema: InputSchema, code: String, nodeID: String, workflowID: Int, tokensInput: Int = 0, tokensOutput: Int = 0,
        costUSD: Double? = nil
    ) {
        self.prompt = prompt
        self.schema = schema
        self.code = code
        self.nodeID = nodeID
        self.workflowID = workflowID
        self.tokensInput = tokensInput
        self.tokensOutput = tokensOutput
        self.costUSD = costUSD
    }
}
