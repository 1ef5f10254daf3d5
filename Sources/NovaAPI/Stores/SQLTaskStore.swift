import Foundation
import NovaCore
import NovaStorage

/// ``TaskStore`` in SQL (`tasks`).
struct SQLTaskStore: TaskStore {
    let db: any SQLExecutor

    private static let columns =
        "task_id, state, workflow_id, workflow_name, client_slug, execution_id, meta, result, error, attempts, created_at, updated_at, sealed_job"

    func insert(_ record: TaskRecord) async throws {
        do {
            _ = try await db.write(
                "INSERT INTO tasks (\(Self.columns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    record.taskID, record.state.rawValue, record.workflowID, record.workflowName, record.clientSlug, record.executionID, record.meta,
                    record.result, record.error, record.attempts, record.createdAt, record.updatedAt, record.sealedJob,
                ])
        } catch SQLConstraintViolation.unique {
            throw StoreConflict.taskID(record.taskID)
        }
    }

    func task(id: String) async throws -> TaskRecord? {
        try await db.read("SELECT \(Self.columns) FROM tasks WHERE task_id = ?", [id]).first.map(Self.record)
    }

    func update(_ record: TaskRecord, expecting expected: TaskState) async throws -> Bool {
        let rows = try await db.write(
            """
            UPDATE tasks SET state = ?, workflow_id = ?, workflow_name = ?, client_slug = ?, execution_id = ?, meta = ?, result = ?, error = ?,
                attempts = ?, updated_at = ? WHERE task_id = ? AND state = ? RETURNING task_id
            """,
            [
                record.state.rawValue, record.workflowID, record.workflowName, record.clientSlug, record.executionID, record.meta, record.result,
                record.error, record.attempts, record.updatedAt, record.taskID, expected.rawValue,
            ])
        return !rows.isEmpty
    }

    func unfinished() async throws -> [TaskRecord] {
        let states = [TaskState.pending, .started, .running].map { "'\($0.rawValue)'" }.joined(separator: ", ")
        return try await db.read("SELECT \(Self.columns) FROM tasks WHERE state IN (\(states)) ORDER BY created_at, task_id", []).map(Self.record)
    }

    func countPending(upTo limit: Int) async throws -> Int {
        let sql = "SELECT COUNT(*) AS n FROM (SELECT 1 FROM tasks WHERE state = '\(TaskState.pending.rawValue)' LIMIT ?) AS queued"
        return try await db.read(sql, [limit])[0].int("n")
    }

    func purgeFinished(updatedBefore time: Date) async throws -> Int {
        let finished = TaskState.allCases.filter(\.isFinished).map { "'\($0.rawValue)'" }.joined(separator: ", ")
        return try await db.write("DELETE FROM tasks WHERE state IN (\(finished)) AND updated_at < ? RETURNING task_id", [time]).count
    }

    private static func record(_ row: SQLRow) throws -> TaskRecord {
        TaskRecord(
            taskID: try row.text("task_id"), state: TaskState(rawValue: try row.text("state")) ?? .pending, workflowID: try row.int("workflow_id"),
            workflowName: try row.text("workflow_name"), clientSlug: try row.textOrNil("client_slug"), executionID: try row.intOrNil("execution_id"),
            meta: try row.jsonOrNil("meta"), result: try row.jsonOrNil("result"), error: try row.textOrNil("error"),
            attempts: try row.int("attempts"),
            createdAt: try row.date("created_at"), updatedAt: try row.date("updated_at"), sealedJob: try row.textOrNil("sealed_job"))
    }
}
