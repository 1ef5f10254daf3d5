import Foundation

/// Durable storage of task records (docs/api.md §3.4: results readable for at least 24 h).
package protocol TaskStore: Sendable {
    /// Stores a new task; an existing id throws ``StoreConflict/taskID(_:)``.
    func insert(_ record: TaskRecord) async throws
    /// The task with this id, or nil (the API then reports `PENDING`).
    func task(id: String) async throws -> TaskRecord?
    /// Replaces the stored record (all but its sealed job, written once) only if its state is still `expected`; returns
    /// whether it did.
    func update(_ record: TaskRecord, expecting expected: TaskState) async throws -> Bool
    /// Tasks in `PENDING`, `STARTED` or `RUNNING`, oldest first.
    func unfinished() async throws -> [TaskRecord]
    /// How many tasks are `PENDING` (queued, not yet picked up by a worker), counting no further than `limit`.
    func countPending(upTo limit: Int) async throws -> Int
    /// Deletes finished tasks last updated before `time`; returns how many.
    func purgeFinished(updatedBefore time: Date) async throws -> Int
}
