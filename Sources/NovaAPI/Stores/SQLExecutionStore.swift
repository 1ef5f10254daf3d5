import Foundation
import NovaCore
import NovaStorage

/// ``ExecutionStore`` in SQL: `executions`, `chain_of_work` and `chain_of_work_steps`.
struct SQLExecutionStore: ExecutionStore {
    let db: any SQLExecutor

    private static let columns =
        "id, workflow_id, task_id, client_slug, status, started_at, completed_at, result, error, created_at, cancel_requested_at"

    func create(_ draft: ExecutionDraft, at time: Date) async throws -> Execution {
        let rows = try await db.write(
            """
            INSERT INTO executions (workflow_id, task_id, client_slug, status, started_at, created_at, lease_owner, lease_expires_at, checkpoint)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING \(Self.columns)
            """,
            [
                draft.workflowID, draft.taskID, draft.clientSlug, draft.status.rawValue, draft.startedAt, time, draft.lease?.owner,
                draft.lease?.expiresAt, draft.checkpoint,
            ])
        return try Self.execution(rows[0])
    }

    func execution(id: Int) async throws -> Execution? {
        try await db.read("SELECT \(Self.columns) FROM executions WHERE id = ?", [id]).first.map(Self.execution)
    }

    func execution(taskID: String) async throws -> Execution? {
        try await db.read("SELECT \(Self.columns) FROM executions WHERE task_id = ? ORDER BY id DESC LIMIT 1", [taskID]).first.map(Self.execution)
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
        let cursor = filter.beforeID.map { _ in (conditions.isEmpty ? "WHERE" : " AND") + " id < ?" } ?? ""
        let rows = try await db.read(
            "SELECT \(Self.columns) FROM executions \(clause)\(cursor) ORDER BY id DESC LIMIT ? OFFSET ?",
            arguments + (filter.beforeID.map { [$0] } ?? []) + [limit, skip])
        let total = try await db.read("SELECT COUNT(*) AS n FROM executions \(clause)", arguments).first?.int("n") ?? 0
        return Page(items: try rows.map(Self.execution), total: total)
    }

    func transition(id: Int, from expected: ExecutionStatus, to transition: ExecutionTransition) async throws -> Bool {
        var arguments: [any SQLConvertible] = [
            transition.status.rawValue, transition.startedAt, transition.completedAt, transition.result, transition.error, id, expected.rawValue,
        ]
        var ownership = ""
        if let owner = transition.leaseOwner {
            ownership = " AND lease_owner = ?"
            arguments.append(owner)
        }
        let rows = try await db.write(
            """
            UPDATE executions SET status = ?, started_at = COALESCE(?, started_at), completed_at = COALESCE(?, completed_at),
                result = COALESCE(?, result), error = COALESCE(?, error) WHERE id = ? AND status = ?\(ownership) RETURNING id
            """, arguments)
        return !rows.isEmpty
    }

    func requestCancellation(id: Int, at time: Date) async throws -> Execution? {
        try await db.write(
            "UPDATE executions SET cancel_requested_at = COALESCE(cancel_requested_at, ?) WHERE id = ? RETURNING \(Self.columns)", [time, id]
        ).first.map(Self.execution)
    }

    func appendChainEntry(executionID: Int, _ record: ChainEntryRecord, steps: [ChainStepRecord], checkpoint: String?, owner: String?)
        async throws -> AppendedChainEntry?
    {
        let entryStatements = Self.holdAndInsertEntry(
            executionID: executionID, record, checkpoint: checkpoint, owner: owner, oneStatement: db.dialect.allowsUpdateInWith)
        let entryIndex = entryStatements.count - 1
        let statements = entryStatements + steps.map { ChainRows.insertStep($0, entry: .returned(statement: entryIndex, column: "id")) }
        let results: [[SQLRow]]
        do {
            results = try await db.transaction(statements)
        } catch is SQLStatementMatchedNothing {
            return try await refusedAppend(executionID: executionID)
        }
        guard let entryRow = results[entryIndex].first else { return try await refusedAppend(executionID: executionID) }
        let entry = ChainEntry(
            id: try entryRow.int("id"), executionID: executionID, record: try ChainRows.entryRecord(entryRow),
            steps: try results.dropFirst(entryIndex + 1).map { try ChainRows.step($0[0]) })
        return AppendedChainEntry(entry: entry, cancellationRequested: try results[0][0].dateOrNil("cancel_requested_at") != nil)
    }

    /// The statements that store the checkpoint and insert the chain entry only while `owner` holds the execution's
    /// lease: on PostgreSQL one statement (the `UPDATE` in a `WITH`, one round trip), elsewhere a guarded `UPDATE`
    /// then the `INSERT` that takes the id it returned. The first statement's row holds `cancel_requested_at`.
    private static func holdAndInsertEntry(executionID: Int, _ record: ChainEntryRecord, checkpoint: String?, owner: String?, oneStatement: Bool)
        -> [SQLStatement]
    {
        var guardArguments: [any SQLConvertible] = [checkpoint, executionID]
        var ownership = ""
        if let owner {
            ownership = " AND lease_owner = ?"
            guardArguments.append(owner)
        }
        let hold = "UPDATE executions SET checkpoint = COALESCE(?, checkpoint) WHERE id = ?\(ownership) RETURNING id, cancel_requested_at"
        let values: [any SQLConvertible] = [
            record.nodeID, record.nodeType, record.codeExecuted, record.inputContext, record.outputResult, record.executionTime, record.status,
            record.errorMessage, record.decisionResult, record.pathTaken, record.aiMetadata, record.timestamp,
        ]
        let insert = """
            INSERT INTO chain_of_work (execution_id, node_id, node_type, code_executed, input_context, output_result, execution_time, status,
                error_message, decision_result, path_taken, ai_metadata, recorded_at)
            """
        let valuePlaceholders = Array(repeating: "?", count: values.count).joined(separator: ", ")
        if oneStatement {
            return [
                SQLStatement(
                    """
                    WITH held AS (\(hold)), inserted AS (\(insert) SELECT held.id, \(valuePlaceholders) FROM held RETURNING \(ChainRows.entryColumns))
                    SELECT inserted.*, held.cancel_requested_at FROM inserted, held
                    """, guardArguments + values)
            ]
        }
        return [
            SQLStatement(hold, guardArguments),
            SQLStatement(
                "\(insert) VALUES (?, \(valuePlaceholders)) RETURNING \(ChainRows.entryColumns)",
                arguments: [.returned(statement: 0, column: "id")] + values.map { .value($0.sqlValue) }),
        ]
    }

    /// Why an append wrote nothing: the execution is gone (nil) or another worker holds its lease.
    private func refusedAppend(executionID: Int) async throws -> AppendedChainEntry? {
        guard try await execution(id: executionID) != nil else { return nil }
        throw ExecutionLeaseLost(executionID: executionID)
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

    func claimLease(executionID: Int, _ lease: ExecutionLease, now: Date) async throws -> Bool {
        let rows = try await db.write(
            """
            UPDATE executions SET lease_owner = ?, lease_expires_at = ? WHERE id = ? AND status = 'running'
                AND (lease_owner IS NULL OR lease_owner = ? OR lease_expires_at <= ?) RETURNING id
            """, [lease.owner, lease.expiresAt, executionID, lease.owner, now])
        return !rows.isEmpty
    }

    func renewLease(executionID: Int, _ lease: ExecutionLease) async throws -> Bool {
        let rows = try await db.write(
            "UPDATE executions SET lease_expires_at = ? WHERE id = ? AND status = 'running' AND lease_owner = ? RETURNING id",
            [lease.expiresAt, executionID, lease.owner])
        return !rows.isEmpty
    }

    func releaseLeases(owner: String?) async throws -> Int {
        let condition = owner == nil ? "lease_owner IS NOT NULL" : "lease_owner = ?"
        let arguments: [any SQLConvertible] = owner.map { [$0] } ?? []
        return try await db.write(
            "UPDATE executions SET lease_owner = NULL, lease_expires_at = NULL WHERE status = 'running' AND \(condition) RETURNING id", arguments
        ).count
    }

    func checkpoint(executionID: Int) async throws -> String? {
        try await db.read("SELECT checkpoint FROM executions WHERE id = ?", [executionID]).first?.textOrNil("checkpoint")
    }

    private static func execution(_ row: SQLRow) throws -> Execution {
        Execution(
            id: try row.int("id"), workflowID: try row.int("workflow_id"), taskID: try row.textOrNil("task_id"),
            clientSlug: try row.textOrNil("client_slug"), status: ExecutionStatus(rawValue: try row.text("status")) ?? .failed,
            startedAt: try row.dateOrNil("started_at"), completedAt: try row.dateOrNil("completed_at"), result: try row.jsonOrNil("result"),
            error: try row.textOrNil("error"), createdAt: try row.date("created_at"), cancelRequestedAt: try row.dateOrNil("cancel_requested_at"))
    }
}
