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

    /// Replaces the stored record only if its state is still `expected`; returns whether it did.
    package func update(_ record: TaskRecord, expecting expected: TaskState) -> Bool {
        guard records[record.taskID]?.state == expected else { return false }
        records[record.taskID] = record
        return true
    }

    /// Deletes finished tasks last updated before `time`; returns how many.
    package func purgeFinished(updatedBefore time: Date) -> Int {
        let doomed = records.values.filter { $0.state.isFinished && $0.updatedAt < time }.map(\.taskID)
        doomed.forEach { records[$0] = nil }
        return doomed.count
    }
}
