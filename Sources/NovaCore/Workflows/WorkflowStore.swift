import Foundation

/// Durable storage of workflows. Names are unique; deleting a workflow deletes its executions, their chain of work
/// and steps, and its exact-cache entries (docs/api.md §3.3, D15).
package protocol WorkflowStore: Sendable {
    /// Stores a new workflow created at `time`; a taken name throws ``StoreConflict/workflowName(_:)``.
    func create(_ draft: WorkflowDraft, at time: Date) async throws -> Workflow
    /// The workflow with this id, or nil.
    func workflow(id: Int) async throws -> Workflow?
    /// Workflows ordered by id ascending, `skip` rows skipped, at most `limit` returned; total counts all.
    func list(skip: Int, limit: Int) async throws -> Page<Workflow>
    /// Applies `changes` at `time`; nil when the workflow does not exist; a taken name throws
    /// ``StoreConflict/workflowName(_:)`` (D36).
    func update(id: Int, _ changes: WorkflowChanges, at time: Date) async throws -> Workflow?
    /// Deletes the workflow and everything that belongs to it; returns whether it existed.
    func delete(id: Int) async throws -> Bool
    /// How many workflows exist.
    func count() async throws -> Int
}
