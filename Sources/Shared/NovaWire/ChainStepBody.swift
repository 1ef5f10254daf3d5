import NovaJSON

/// One agent step of a chain entry on the wire (contract §3.5).
package struct ChainStepBody: Codable, Sendable, Equatable {
    package var id: Int
    package var chainOfWorkId: Int
    package var stepNumber: Int
    package var stepName: String
    package var agentName: String
    package var attemptNumber: Int
    package var inputData: JSONValue
    package var outputData: JSONValue
    @NullEncoded package var generatedCode: String?
    @NullEncoded package var sandboxId: String?
    @NullEncoded package var modelUsed: String?
    @NullEncoded package var tokensInput: Int?
    @NullEncoded package var tokensOutput: Int?
    @NullEncoded package var costUsd: Double?
    package var toolCalls: JSONValue
    package var status: String
    @NullEncoded package var errorMessage: String?
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
