import NovaCore
import NovaJSON
import Shared

extension ExecutionBody {
    /// The wire form of `execution`.
    init(_ execution: Execution) {
        self.init(
            id: execution.id, workflowId: execution.workflowID, status: execution.status.rawValue, startedAt: execution.startedAt.map(WireDate.naive),
            completedAt: execution.completedAt.map(WireDate.naive), result: execution.result, error: execution.error,
            createdAt: WireDate.naive(execution.createdAt), taskId: execution.taskID, clientSlug: execution.clientSlug,
            cancelRequested: execution.cancelRequestedAt != nil)
    }
}

extension ChainEntryBody {
    /// The wire form of `entry` and its steps.
    init(_ entry: ChainEntry) {
        let record = entry.record
        self.init(
            id: entry.id, executionId: entry.executionID, nodeId: record.nodeID, nodeType: record.nodeType, codeExecuted: record.codeExecuted,
            inputContext: record.inputContext, outputResult: record.outputResult, executionTime: record.executionTime, status: record.status,
            errorMessage: record.errorMessage, decisionResult: record.decisionResult, pathTaken: record.pathTaken, aiMetadata: record.aiMetadata,
            timestamp: WireDate.naive(record.timestamp), steps: entry.steps.map(ChainStepBody.init))
    }
}

extension ChainStepBody {
    /// The wire form of `step`.
    init(_ step: ChainStep) {
        let record = step.record
        self.init(
            id: step.id, chainOfWorkId: step.chainOfWorkID, stepNumber: record.stepNumber, stepName: record.stepName, agentName: record.agentName,
            attemptNumber: record.attemptNumber, inputData: record.inputData, outputData: record.outputData, generatedCode: record.generatedCode,
            sandboxId: record.sandboxID, modelUsed: record.modelUsed, tokensInput: record.tokensInput, tokensOutput: record.tokensOutput,
            costUsd: record.costUSD, toolCalls: record.toolCalls, status: record.status, errorMessage: record.errorMessage,
            executionTimeMs: record.executionTimeMs, timestamp: WireDate.naive(record.timestamp))
    }
}
