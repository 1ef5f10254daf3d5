import Foundation

/// Workflows in memory, for tests and as the reference behaviour of ``WorkflowStore``.
///
/// Deleting a workflow also deletes its executions and exact-cache entries from the memory stores given at creation.
package actor MemoryWorkflowStore: WorkflowStore {
    private var rows: [Int: Workflow] = [:]
    private var lastID = 0
    private let executions: MemoryExecutionStore?
    private let exactCache: MemoryExactCodeCacheStore?

    /// Creates an empty store whose deletions cascade into `executions` and `exactCache`.
    package init(executions: MemoryExecutionStore? = nil, exactCache: MemoryExactCodeCacheStore? = nil) {
        self.executions = executions
        self.exactCache = exactCache
    }

    package func create(_ draft: WorkflowDraft, at time: Date) throws -> Workflow {
        guard !rows.values.contains(where: { $0.name == draft.name }) else { throw StoreConflict.workflowName(draft.name) }
        lastID += 1
        let workflow = Workflow(
            id: lastID, name: draft.name, description: draft.description, graphDefinition: draft.graphDefinition, createdAt: time, updatedAt: time)
        rows[lastID] = workflow
        return workflow
    }

    package func workflow(id: Int) -> Workflow? {
        rows[id]
    }

    package func list(skip: Int, limit: Int) -> Page<Workflow> {
        rows.values.sorted { $0.id < $1.id }.page(skip: skip, limit: limit)
    }

    package func update(id: Int, _ changes: WorkflowChanges, at time: Date) throws -> Workflow? {
        guard let current = rows[id] else { return nil }
        if let name = changes.name, rows.values.contains(where: { $0.name == name && $0.id != id }) {
            throw StoreConflict.workflowName(name)
        }
        let updated = changes.applied(to: current, at: time)
        rows[id] = updated
        return updated
    }

    package func delete(id: Int) async -> Bool {
        guard rows.removeValue(forKey: id) != nil else { return false }
        await executions?.deleteAll(workflowID: id)
        await exactCache?.deleteAll(workflowID: id)
        return true
    }

    package func count() -> Int {
        rows.count
    }
}
