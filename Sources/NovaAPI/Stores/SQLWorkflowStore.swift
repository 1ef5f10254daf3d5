import Foundation
import NovaCore
import NovaStorage

/// ``WorkflowStore`` in SQL; deletion cascades through the schema's foreign keys.
struct SQLWorkflowStore: WorkflowStore {
    let db: any SQLExecutor

    private static let columns = "id, name, description, graph_definition, created_at, updated_at"

    func create(_ draft: WorkflowDraft, at time: Date) async throws -> Workflow {
        let rows = try await SQLConstraintViolation.reportingUnique(as: .workflowName(draft.name)) {
            try await db.write(
                "INSERT INTO workflows (name, description, graph_definition, created_at, updated_at) VALUES (?, ?, ?, ?, ?) RETURNING \(Self.columns)",
                [draft.name, draft.description, draft.graphDefinition, time, time])
        }
        return try Self.workflow(rows[0])
    }

    func workflow(id: Int) async throws -> Workflow? {
        try await db.read("SELECT \(Self.columns) FROM workflows WHERE id = ?", [id]).first.map(Self.workflow)
    }

    func list(skip: Int, limit: Int) async throws -> Page<Workflow> {
        let rows = try await db.read("SELECT \(Self.columns) FROM workflows ORDER BY id LIMIT ? OFFSET ?", [limit, skip])
        return Page(items: try rows.map(Self.workflow), total: try await count())
    }

    func update(id: Int, _ changes: WorkflowChanges, at time: Date) async throws -> Workflow? {
        let rows = try await SQLConstraintViolation.reportingUnique(as: .workflowName(changes.name ?? "")) {
            try await db.write(
                """
                UPDATE workflows SET name = COALESCE(?, name), description = COALESCE(?, description),
                    graph_definition = COALESCE(?, graph_definition), updated_at = ? WHERE id = ? RETURNING \(Self.columns)
                """, [changes.name, changes.description, changes.graphDefinition, time, id])
        }
        return try rows.first.map(Self.workflow)
    }

    func delete(id: Int) async throws -> Bool {
        try await !db.write("DELETE FROM workflows WHERE id = ? RETURNING id", [id]).isEmpty
    }

    func count() async throws -> Int {
        try await db.read("SELECT COUNT(*) AS n FROM workflows", []).first?.int("n") ?? 0
    }

    private static func workflow(_ row: SQLRow) throws -> Workflow {
        Workflow(
            id: try row.int("id"), name: try row.text("name"), description: try row.textOrNil("description"),
            graphDefinition: try row.json("graph_definition"), createdAt: try row.date("created_at"), updatedAt: try row.date("updated_at"))
    }
}
