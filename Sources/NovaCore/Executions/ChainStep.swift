import Foundation
import NovaJSON

/// One agent step of a chain entry (docs/api.md §3.5), e.g. a code generation attempt.
package struct ChainStep: Sendable, Equatable {
    /// Integer id; steps are listed by it, which is their creation order (D23).
    package var id: Int
    /// The chain entry it belongs to.
    package var chainOfWorkID: Int
    /// The step's fields.
    package var record: ChainStepRecord

    /// Creates the value.
    package init(id: Int, chainOfWorkID: Int, record: ChainStepRecord) {
        self.id = id
        self.chainOfWorkID = chainOfWorkID
        self.record = record
    }
}

/// The fields of an agent step, as the engine writes them (secrets redacted).
package struct ChainStepRecord: Sendable, Equatable {
    /// 1 to 6 (docs/api.md §3.5).
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
    /// Code it produced, if any.
    package var generatedCode: String?
    /// The sandbox that ran it, if any.
    package var sandboxID: String?
    /// The LLM used, if any.
    package var modelUsed: String?
    /// Prompt tokens.
    package var tokensInput: Int?
    /// Completion tokens.
    package var tokensOutput: Int?
    /// Cost of the call in USD.
    package var costUSD: Double?
    /// Tool calls made by the agent.
    package var toolCalls: JSONValue
    /// Whether the agent call itself succeeded: `success` or `failed`.
    package var status: String
    /// Why it failed.
    package var errorMessage: String?
    /// Elapsed milliseconds.
    package var executionTimeMs: Double
    /// When it ran.
    package var timestamp: Date

    /// Creates the record.
    package init(
        stepNumber: Int, stepName: String, agentName: String, attemptNumber: Int = 1, inputData: JSONValue = .object([:]),
        outputData: JSONValue = .object([:]), generatedCode: String? = nil, sandboxID: String? = nil, modelUsed: String? = nil,
        tokensInput: Int? = nil, tokensOutput: Int? = nil, costUSD: Double? = nil, toolCalls: JSONValue = .array([]), status: String = "success",
        errorMessage: String? = nil, executionTimeMs: Double = 0, timestamp: Date
    ) {
        self.stepNumber = stepNumber
        self.stepName = stepName
        self.agentName = agentName
        self.attemptNumber = attemptNumber
        self.inputData = inputData
        self.outputData = outputData
        self.generatedCode = generatedCode
        self.sandboxID = sandboxID
        self.modelUsed = modelUsed
        self.tokensInput = tokensInput
        self.tokensOutput = tokensOutput
        self.costUSD = costUSD
        self.toolCalls = toolCalls
        self.status = status
        self.errorMessage = errorMessage
        self.executionTimeMs = executionTimeMs
        self.timestamp = timestamp
    }
}
