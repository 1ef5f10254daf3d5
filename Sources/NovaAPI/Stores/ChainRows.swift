import NovaCore
import NovaStorage

/// Columns and row mapping of `chain_of_work` and `chain_of_work_steps`.
enum ChainRows {
    static let entryColumns =
        "id, execution_id, node_id, node_type, code_executed, input_context, output_result, execution_time, status, error_message, "
        + "decision_result, path_taken, ai_metadata, recorded_at"

    static let stepColumns =
        "id, chain_of_work_id, step_number, step_name, agent_name, attempt_number, input_data, output_data, generated_code, sandbox_id, "
        + "model_used, tokens_input, tokens_output, cost_usd, tool_calls, status, error_message, execution_time_ms, recorded_at"

    /// The INSERT of one step into the entry given by `entry`.
    static func insertStep(_ step: ChainStepRecord, entry: SQLStatement.Argument) -> SQLStatement {
        let values: [any SQLConvertible] = [
            step.stepNumber, step.stepName, step.agentName, step.attemptNumber, step.inputData, step.outputData, step.generatedCode, step.sandboxID,
            step.modelUsed, step.tokensInput, step.tokensOutput, step.costUSD, step.toolCalls, step.status, step.errorMessage, step.executionTimeMs,
            step.timestamp,
        ]
        return SQLStatement(
            """
            INSERT INTO chain_of_work_steps (chain_of_work_id, step_number, step_name, agent_name, attempt_number, input_data, output_data,
                generated_code, sandbox_id, model_used, tokens_input, tokens_output, cost_usd, tool_calls, status, error_message,
                execution_time_ms, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING \(stepColumns)
            """, arguments: [entry] + values.map { .value($0.sqlValue) })
    }

    static func entryRecord(_ row: SQLRow) throws -> ChainEntryRecord {
        ChainEntryRecord(
            nodeID: try row.text("node_id"), nodeType: try row.text("node_type"), codeExecuted: try row.textOrNil("code_executed"),
            inputContext: try row.json("input_context"), outputResult: try row.json("output_result"), executionTime: try row.double("execution_time"),
            status: try row.text("status"), errorMessage: try row.textOrNil("error_message"), decisionResult: try row.textOrNil("decision_result"),
            pathTaken: try row.textOrNil("path_taken"), aiMetadata: try row.json("ai_metadata"), timestamp: try row.date("recorded_at"))
    }

    static func step(_ row: SQLRow) throws -> ChainStep {
        let record = ChainStepRecord(
            stepNumber: try row.int("step_number"), stepName: try row.text("step_name"), agentName: try row.text("agent_name"),
            attemptNumber: try row.int("attempt_number"), inputData: try row.json("input_data"), outputData: try row.json("output_data"),
            generatedCode: try row.textOrNil("generated_code"), sandboxID: try row.textOrNil("sandbox_id"),
            modelUsed: try row.textOrNil("model_used"),
            tokensInput: try row.intOrNil("tokens_input"), tokensOutput: try row.intOrNil("tokens_output"), costUSD: try row.doubleOrNil("cost_usd"),
            toolCalls: try row.json("tool_calls"), status: try row.text("status"), errorMessage: try row.textOrNil("error_message"),
            executionTimeMs: try row.double("execution_time_ms"), timestamp: try row.date("recorded_at"))
        return ChainStep(id: try row.int("id"), chainOfWorkID: try row.int("chain_of_work_id"), record: record)
    }
}
