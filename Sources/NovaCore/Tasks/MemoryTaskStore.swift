import Foundation

/// Task records in memory, for tests and as the reference behaviour of ``TaskStore``.
package actor MemoryTaskStore: TaskStore {
    private var records: [String: TaskRecord] = [:]

    /// Creates an empty store.
    package init() {}

    /// Stores a new task; an existing id throws ``StoreConflict/taskID(_:)``.
    package func insert(_ record: TaskRecord) throws {
        guard records[record.taskID] == nil else { throw StoreConflict.taskID(record.taskID) }
        records[record.taskID] = record
    }

    /// The task with this id, or nil (the API then reports `PENDING`).
    package func task(id: String) -> TaskRecord? {
        records[id]
    }

    /// Replaces the stored record (all but its sealed job) only if its state is still `expected`; returns whether it did.
    package func update(_ record: TaskRecord, expecting expected: TaskState) -> Bool {
        guard let stored = records[record.taskID], stored.state == expected else { return false }
        var updated = record
        updated.sealedJob = stored.sealedJob
        records[record.taskID] = updated
        return true
    }

    /// Tasks in `PENDING`, `STARTED` or `RUNNING`, oldest first.
    package func unfinished() -> [TaskRecord] {
        records.values.filter { [.pending, .started, .running].contains($0.state) }.sorted { $0.createdAt < $1.createdAt }
    }

    /// How many tasks are `PENDING`, counting no further than `limit`.
    package func countPending(upTo limit: Int) -> Int {
        min(limit, records.values.count { $0.state == .pending })
    }

    /// Deletes finished tasks last updated before `time`; returns how many.
    package func purgeFinished(updatedBefore time: Date) -> Int {
        let doomed = records.values.filter { $0.state.isFinished && $0.updatedAt < time }.map(\.taskID)
        doomed.forEach { records[$0] = nil }
        return doomed.count
    }
}
