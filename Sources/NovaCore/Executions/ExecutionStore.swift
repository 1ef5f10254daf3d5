import Foundation

/// Durable storage of executions and their chain of work; the engine writes, the API reads.
///
/// Writes are shaped for a journal: an execution is created, chain entries (with their steps) are appended in
/// execution order, steps may be appended to an entry later, and every status change is a compare-and-set so that
/// a worker whose lease was taken over cannot overwrite the outcome of another (docs/architecture.md, "Queue, workers and durable execution").
package protocol ExecutionStore: Sendable {
    /// Creates an execution at `time` (its `created_at`).
    func create(_ draft: ExecutionDraft, at time: Date) async throws -> Execution
    /// The execution with this id, or nil.
    func execution(id: Int) async throws -> Execution?
    /// The newest execution created for this task, or nil.
    func execution(taskID: String) async throws -> Execution?
    /// Executions passing `filter` and older than its cursor, newest first, `skip` skipped, at most `limit`; total counts
    /// all that pass the filter, whatever the cursor.
    func list(_ filter: ExecutionFilter, skip: Int, limit: Int) async throws -> Page<Execution>
    /// Applies `transition` only if the status is still `expected`; returns whether it did.
    func transition(id: Int, from expected: ExecutionStatus, to transition: ExecutionTransition) async throws -> Bool
    /// Marks cancellation requested at `time` (kept if already set); nil when the execution does not exist.
    func requestCancellation(id: Int, at time: Date) async throws -> Execution?
    /// Appends a chain entry and its steps in one transaction, replacing the execution's sealed checkpoint when one is given;
    /// nil when the execution does not exist. With an `owner`, throws ``ExecutionLeaseLost`` (and writes nothing) unless
    /// that worker holds the execution's lease. The answer says whether cancellation had been requested.
    func appendChainEntry(executionID: Int, _ record: ChainEntryRecord, steps: [ChainStepRecord], checkpoint: String?, owner: String?)
        async throws -> AppendedChainEntry?
    /// Appends steps to an existing entry in one transaction; nil when the entry does not exist.
    func appendSteps(chainEntryID: Int, _ steps: [ChainStepRecord]) async throws -> [ChainStep]?
    /// The chain of an execution: entries by id, each with its steps by id.
    func chain(executionID: Int) async throws -> [ChainEntry]
    /// How many executions created at or after `time` are in each status.
    func statusCounts(createdSince time: Date) async throws -> [ExecutionStatus: Int]
    /// How many distinct workflows have at least one execution.
    func activeWorkflowCount() async throws -> Int
    /// Gives `lease` to a `running` execution whose lease is free, expired at `now`, or already `lease.owner`'s;
    /// returns whether it did (a compare-and-set, so two workers never both take it over).
    func claimLease(executionID: Int, _ lease: ExecutionLease, now: Date) async throws -> Bool
    /// Extends the lease of a `running` execution while `lease.owner` holds it; returns whether it did.
    func renewLease(executionID: Int, _ lease: ExecutionLease) async throws -> Bool
    /// Frees the leases of `running` executions held by `owner`, or all of them when nil; returns how many it freed.
    func releaseLeases(owner: String?) async throws -> Int
    /// The sealed ``RunCheckpoint`` of an execution: its context after the last finished node; nil when none was written.
    func checkpoint(executionID: Int) async throws -> String?
}

extension ExecutionStore {
    /// Appends a chain entry and its steps in one transaction, without a checkpoint or a lease condition.
    package func appendChainEntry(executionID: Int, _ record: ChainEntryRecord, steps: [ChainStepRecord]) async throws -> AppendedChainEntry? {
        try await appendChainEntry(executionID: executionID, record, steps: steps, checkpoint: nil, owner: nil)
    }
}
