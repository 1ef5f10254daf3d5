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

    /// Stores a new workflow created at `time`; a taken name throws ``StoreConflict/workflowName(_:)``.
    package func create(_ draft: WorkflowDraft, at time: Date) throws -> Workflow {
        guard !rows.values.contains(where: { $0.name == draft.name }) else { throw StoreConflict.workflowName(draft.name) }
        lastID += 1
        let workflow = Workflow(
            id: lastID, name: draft.name, description: draft.description, graphDefinition: draft.graphDefinition, createdAt: time, updatedAt: time)
        rows[lastID] = workflow
        return workflow
    }

    /// The workflow with this id, or nil.
    package func workflow(id: Int) -> Workflow? {
        rows[id]
    }

    /// Workflows ordered by id ascending, `skip` rows skipped, at most `limit` returned; total counts all.
    package func list(skip: Int, limit: Int) -> Page<Workflow> {
        rows.values.sorted { $0.id < $1.id }.page(skip: skip, limit: limit)
    }

    /// Applies `changes` at `time`; nil when the workflow does not exist; a taken name throws
    /// ``StoreConflict/workflowName(_:)`` (D36).
    package func update(id: Int, _ changes: WorkflowChanges, at time: Date) throws -> Workflow? {
        guard let current = rows[id] else { return nil }
        if let name = changes.name, rows.values.contains(where: { $0.name == name && $0.id != id }) {
            throw StoreConflict.workflowName(name)
        }
        let updated = changes.applied(to: current, at: time)
        rows[id] = updated
        return updated
    }

    /// Deletes the workflow and everything that belongs to it; returns whether it existed.
    package func delete(id: Int) async -> Bool {
        guard rows.removeValue(forKey: id) != nil else { return false }
        await executions?.deleteAll(workflowID: id)
        await exactCache?.deleteAll(workflowID: id)
        return true
    }

    /// How many workflows exist.
    package func count() -> Int {
        rows.count
    }
}
