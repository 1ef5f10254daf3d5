import Foundation

/// Executions and their chain of work in memory, for tests and as the reference behaviour of ``ExecutionStore``.
package actor MemoryExecutionStore: ExecutionStore {
    private var executions: [Int: Execution] = [:]
    private var entries: [Int: ChainEntry] = [:]
    private var leases: [Int: ExecutionLease] = [:]
    private var checkpoints: [Int: String] = [:]
    private var lastExecutionID = 0
    private var lastEntryID = 0
    private var lastStepID = 0

    /// Creates an empty store.
    package init() {}

    /// Creates an execution at `time` (its `created_at`).
    package func create(_ draft: ExecutionDraft, at time: Date) -> Execution {
        lastExecutionID += 1
        let execution = Execution(
            id: lastExecutionID, workflowID: draft.workflowID, taskID: draft.taskID, clientSlug: draft.clientSlug, status: draft.status,
            startedAt: draft.startedAt, completedAt: nil, result: nil, error: nil, createdAt: time, cancelRequestedAt: nil)
        executions[execution.id] = execution
        leases[execution.id] = draft.lease
        checkpoints[execution.id] = draft.checkpoint
        return execution
    }

    /// The execution with this id, or nil.
    package func execution(id: Int) -> Execution? {
        executions[id]
    }

    /// The newest execution created for this task, or nil.
    package func execution(taskID: String) -> Execution? {
        executions.values.filter { $0.taskID == taskID }.max { $0.id < $1.id }
    }

    /// Executions passing `filter`, newest first, `skip` skipped, at most `limit`; total counts all that pass.
    package func list(_ filter: ExecutionFilter, skip: Int, limit: Int) -> Page<Execution> {
        let matching = executions.values.filter(filter.matches)
        let page = matching.filter(filter.isBeforeCursor).sorted { $0.id > $1.id }.page(skip: skip, limit: limit)
        return Page(items: page.items, total: matching.count)
    }

    /// Applies `transition` only if the status is still `expected`; returns whether it did.
    package func transition(id: Int, from expected: ExecutionStatus, to transition: ExecutionTransition) -> Bool {
        guard let current = executions[id], current.status == expected else { return false }
        if let owner = transition.leaseOwner, leases[id]?.owner != owner { return false }
        executions[id] = transition.applied(to: current)
        return true
    }

    /// Marks cancellation requested at `time` (kept if already set); nil when the execution does not exist.
    package func requestCancellation(id: Int, at time: Date) -> Execution? {
        guard var execution = executions[id] else { return nil }
        if execution.cancelRequestedAt == nil { execution.cancelRequestedAt = time }
        executions[id] = execution
        return execution
    }

    /// Appends a chain entry and its steps in one transaction, replacing the sealed checkpoint when one is given; nil when
    /// the execution does not exist; ``ExecutionLeaseLost`` when `owner` does not hold its lease.
    package func appendChainEntry(executionID: Int, _ record: ChainEntryRecord, steps: [ChainStepRecord], checkpoint: String?, owner: String?) throws
        -> AppendedChainEntry?
    {
        guard let execution = executions[executionID] else { return nil }
        if let owner, leases[executionID]?.owner != owner { throw ExecutionLeaseLost(executionID: executionID) }
        if let checkpoint { checkpoints[executionID] = checkpoint }
        lastEntryID += 1
        let entry = ChainEntry(id: lastEntryID, executionID: executionID, record: record, steps: makeSteps(steps, entryID: lastEntryID))
        entries[entry.id] = entry
        return AppendedChainEntry(entry: entry, cancellationRequested: execution.cancelRequestedAt != nil)
    }

    /// Appends steps to an existing entry in one transaction; nil when the entry does not exist.
    package func appendSteps(chainEntryID: Int, _ steps: [ChainStepRecord]) -> [ChainStep]? {
        guard var entry = entries[chainEntryID] else { return nil }
        let added = makeSteps(steps, entryID: chainEntryID)
        entry.steps += added
        entries[chainEntryID] = entry
        return added
    }

    /// The chain of an execution: entries by id, each with its steps by id.
    package func chain(executionID: Int) -> [ChainEntry] {
        entries.values.filter { $0.executionID == executionID }.sorted { $0.id < $1.id }
    }

    /// How many executions created at or after `time` are in each status.
    package func statusCounts(createdSince time: Date) -> [ExecutionStatus: Int] {
        executions.values.filter { $0.createdAt >= time }.reduce(into: [:]) { counts, execution in counts[execution.status, default: 0] += 1 }
    }

    /// How many distinct workflows have at least one execution.
    package func activeWorkflowCount() -> Int {
        Set(executions.values.map(\.workflowID)).count
    }

    /// Gives `lease` to a `running` execution whose lease is free, expired at `now`, or already `lease.owner`'s.
    package func claimLease(executionID: Int, _ lease: ExecutionLease, now: Date) -> Bool {
        guard executions[executionID]?.status == .running else { return false }
        if let held = leases[executionID], held.owner != lease.owner, held.expiresAt > now { return false }
        leases[executionID] = lease
        return true
    }

    /// Extends the lease of a `running` execution while `lease.owner` holds it.
    package func renewLease(executionID: Int, _ lease: ExecutionLease) -> Bool {
        guard executions[executionID]?.status == .running, leases[executionID]?.owner == lease.owner else { return false }
        leases[executionID] = lease
        return true
    }

    /// Frees the leases of `running` executions held by `owner`, or all of them when nil.
    package func releaseLeases(owner: String?) -> Int {
        let freed = leases.filter { id, lease in executions[id]?.status == .running && (owner == nil || lease.owner == owner) }.keys
        freed.forEach { leases[$0] = nil }
        return freed.count
    }

    /// The sealed checkpoint of an execution, or nil.
    package func checkpoint(executionID: Int) -> String? {
        checkpoints[executionID]
    }

    /// Deletes the executions of a workflow and their chains (the cascade of a workflow deletion).
    package func deleteAll(workflowID: Int) {
        let doomed = Set(executions.values.filter { $0.workflowID == workflowID }.map(\.id))
        executions = executions.filter { !doomed.contains($0.key) }
        entries = entries.filter { !doomed.contains($0.value.executionID) }
        leases = leases.filter { !doomed.contains($0.key) }
        checkpoints = checkpoints.filter { !doomed.contains($0.key) }
    }

    private func makeSteps(_ records: [ChainStepRecord], entryID: Int) -> [ChainStep] {
        records.map { record in
            lastStepID += 1
            return ChainStep(id: lastStepID, chainOfWorkID: entryID, record: record)
        }
    }
}
