import NovaJSON

/// One agent step of a chain entry on the wire (docs/api.md §3.5).
package struct ChainStepBody: Codable, Sendable, Equatable {
    /// Integer id.
    package var id: Int
    /// The chain entry it belongs to.
    package var chainOfWorkId: Int
    /// 1 to 6.
    package var stepNumber: Int
    /// e.g. `code_generation`.
    package var stepName: String
    /// e.g. `CodeGenerator`.
    package var agentName: String
    /// Retry number, from 1.
    package var attemptNumber: Int
    /// What the agent received.
    package var inputData: JSONValue
    /// What it produced.
    package var outputData: JSONValue
    /// Code it produced, or null.
    @NullEncoded package var generatedCode: String?
    /// The sandbox that ran it, or null.
    @NullEncoded package var sandboxId: String?
    /// The LLM, or null.
    @NullEncoded package var modelUsed: String?
    /// Prompt tokens, or null.
    @NullEncoded package var tokensInput: Int?
    /// Completion tokens, or null.
    @NullEncoded package var tokensOutput: Int?
    /// Cost in USD, or null.
    @NullEncoded package var costUsd: Double?
    /// Tool calls of the agent.
    package var toolCalls: JSONValue
    /// `success` or `failed`.
    package var status: String
    /// Why it failed, or null.
    @NullEncoded package var errorMessage: String?
    /// Elapsed milliseconds.
    package var executionTimeMs: Double
    /// Naive UTC.
    package var timestamp: String

    /// Creates the body.
    package init(
        id: Int, chainOfWorkId: Int, stepNumber: Int, stepName: String, agentName: String, attemptNumber: Int, inputData: JSONValue,
        outputData: JSONValue, generatedCode: String?, sandboxId: String?, modelUsed: String?, tokensInput: Int?, tokensOutput: Int?,
        costUsd: Double?,
        toolCalls: JSONValue, status: String, errorMessage: String?, executionTimeMs: Double, timestamp: String
    ) {
        self.id = id
        self.chainOfWorkId = chainOfWorkId
        self.stepNumber = stepNumber
        self.stepName = stepName
        self.agentName = agentName
        self.attemptNumber = attemptNumber
        self.inputData = inputData
        self.outputData = outputData
        self.generatedCode = generatedCode
        self.sandboxId = sandboxId
        self.modelUsed = modelUsed
        self.tokensInput = tokensInput
        self.tokensOutput = tokensOutput
        self.costUsd = costUsd
        self.toolCalls = toolCalls
        self.status = status
        self.errorMessage = errorMessage
        self.executionTimeMs = executionTimeMs
        self.timestamp = timestamp
    }

    enum CodingKeys: String, CodingKey {
        case id, status, timestamp
        case chainOfWorkId = "chain_of_work_id"
        case stepNumber = "step_number"
        case stepName = "step_name"
        case agentName = "agent_name"
        case attemptNumber = "attempt_number"
        case inputData = "input_data"
        case outputData = "output_data"
        case generatedCode = "generated_code"
        case sandboxId = "sandbox_id"
        case modelUsed = "model_used"
        case tokensInput = "tokens_input"
        case tokensOutput = "tokens_output"
        case costUsd = "cost_usd"
        case toolCalls = "tool_calls"
        case errorMessage = "error_message"
        case executionTimeMs = "execution_time_ms"
    }
}
