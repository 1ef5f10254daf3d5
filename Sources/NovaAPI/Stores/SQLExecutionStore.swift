import Foundation
import NovaCore

/// ``ExecutionStore`` in SQL: `executions`, `chain_of_work` and `chain_of_work_steps`.
struct SQLExecutionStore: ExecutionStore {
    let db: any SQLExecutor

    private static let columns =
        "id, workflow_id, task_id, client_slug, status, started_at, completed_at, result, error, created_at, cancel_requested_at"

    func create(_ draft: ExecutionDraft, at time: Date) async throws -> Execution {
        let rows = try await db.write(
            "INSERT INTO executions (workflow_id, task_id, client_slug, status, started_at, created_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING \(Self.columns)",
            [draft.workflowID, draft.taskID, draft.clientSlug, draft.status.rawValue, draft.startedAt, time])
        return try Self.execution(rows[0])
    }

    func execution(id: Int) async throws -> Execution? {
        try await db.read("SELECT \(Self.columns) FROM executions WHERE id = ?", [id]).first.map(Self.execution)
    }

    func list(_ filter: ExecutionFilter, skip: Int, limit: Int) async throws -> Page<Execution> {
        var conditions: [String] = []
        var arguments: [any SQLConvertible] = []
        if let workflowID = filter.workflowID {
            conditions.append("workflow_id = ?")
            arguments.append(workflowID)
        }
        if let status = filter.status {
            conditions.append("status = ?")
            arguments.append(status)
        }
        let clause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        let rows = try await db.read("SELECT \(Self.columns) FROM executions \(clause) ORDER BY id DESC LIMIT ? OFFSET ?", arguments + [limit, skip])
        let total = try await db.read("SELECT COUNT(*) AS n FROM executions \(clause)", arguments).first?.int("n") ?? 0
        return Page(items: try rows.map(Self.execution), total: total)
    }

    func transition(id: Int, from expected: ExecutionStatus, to transition: ExecutionTransition) async throws -> Bool {
        let rows = try await db.write(
            """
            UPDATE executions SET status = ?, started_at = COALESCE(?, started_at), completed_at = COALESCE(?, completed_at),
                result = COALESCE(?, result), error = COALESCE(?, error) WHERE id = ? AND status = ? RETURNING id
            """,
            [transition.status.rawValue, transition.startedAt, transition.completedAt, transition.result, transition.error, id, expected.rawValue])
        return !rows.isEmpty
    }

    func requestCancellation(id: Int, at time: Date) async throws -> Execution? {
        try await db.write(
            "UPDATE executions SET cancel_requested_at = COALESCE(cancel_requested_at, ?) WHERE id = ? RETURNING \(Self.columns)", [time, id]
        ).first.map(Self.execution)
    }

    func appendChainEntry(executionID: Int, _ record: ChainEntryRecord, steps: [ChainStepRecord]) async throws -> ChainEntry? {
        let insertEntry = SQLStatement(
            """
            INSERT INTO chain_of_work (execution_id, node_id, node_type, code_executed, input_context, output_result, execution_time, status,
                error_message, decision_result, path_taken, ai_metadata, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            RETURNING \(ChainRows.entryColumns)
            """,
            [
                executionID, record.nodeID, record.nodeType, record.codeExecuted, record.inputContext, record.outputResult, record.executionTime,
                record.status, record.errorMessage, record.decisionResult, record.pathTaken, record.aiMetadata, record.timestamp,
            ])
        let statements = [insertEntry] + steps.map { ChainRows.insertStep($0, entry: .returned(statement: 0, column: "id")) }
        let results: [[SQLRow]]
        do {
            results = try await db.transaction(statements)
        } catch SQLConstraintViolation.foreignKey {
            return nil
        }
        return ChainEntry(
            id: try results[0][0].int("id"), executionID: executionID, record: try ChainRows.entryRecord(results[0][0]),
            steps: try results.dropFirst().map { try ChainRows.step($0[0]) })
    }

    func appendSteps(chainEntryID: Int, _ steps: [ChainStepRecord]) async throws -> [ChainStep]? {
        do {
            let results = try await db.transaction(steps.map { ChainRows.insertStep($0, entry: .value(.int(chainEntryID))) })
            return try results.map { try ChainRows.step($0[0]) }
        } catch SQLConstraintViolation.foreignKey {
            return nil
        }
    }

    func chain(executionID: Int) async throws -> [ChainEntry] {
        let entries = try await db.read("SELECT \(ChainRows.entryColumns) FROM chain_of_work WHERE execution_id = ? ORDER BY id", [executionID])
        let steps = try await db.read(
            """
            SELECT \(ChainRows.stepColumns) FROM chain_of_work_steps
            WHERE chain_of_work_id IN (SELECT id FROM chain_of_work WHERE execution_id = ?) ORDER BY id
            """, [executionID]
        ).map(ChainRows.step)
        let stepsByEntry = Dictionary(grouping: steps, by: \.chainOfWorkID)
        return try entries.map { row in
            let id = try row.int("id")
            return ChainEntry(id: id, executionID: executionID, record: try ChainRows.entryRecord(row), steps: stepsByEntry[id] ?? [])
        }
    }

    func statusCounts(createdSince time: Date) async throws -> [ExecutionStatus: Int] {
        let rows = try await db.read("SELECT status, COUNT(*) AS n FROM executions WHERE created_at >= ? GROUP BY status", [time])
        var counts: [ExecutionStatus: Int] = [:]
        for row in rows {
            if let status = ExecutionStatus(rawValue: try row.text("status")) { counts[status] = try row.int("n") }
        }
        return counts
    }

    func activeWorkflowCount() async throws -> Int {
        try await db.read("SELECT COUNT(DISTINCT workflow_id) AS n FROM executions", []).first?.int("n") ?? 0
    }

    private static func execution(_ row: SQLRow) throws -> Execution {
        Execution(
            id: try row.int("id"), workflowID: try row.int("workflow_id"), taskID: try row.textOrNil("task_id"),
            clientSlug: try row.textOrNil("client_slug"), status: ExecutionStatus(rawValue: try row.text("status")) ?? .failed,
            startedAt: try row.dateOrNil("started_at"), completedAt: try row.dateOrNil("completed_at"), result: try row.jsonOrNil("result"),
            error: try row.textOrNil("error"), createdAt: try row.date("created_at"), cancelRequestedAt: try row.dateOrNil("cancel_requested_at"))
    }
}
