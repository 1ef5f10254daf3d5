import Foundation
import NovaJSON

/// At startup on a store no other live worker writes to (the embedded database of one process, D31), picks up the work
/// a stopped process left unfinished: the jobs of its unfinished tasks are opened from the tasks' sealed jobs and queued
/// again, so a `running` execution is resumed from its last finished node and a `PENDING` task runs.
///
/// Where a resume is impossible (no `NOVA_SECRET_KEY`, or rows written before jobs and checkpoints were sealed), the
/// execution ends `failed` with ``reason`` and its task `FAILURE`, so no row stays `running` and no client polls forever.
package struct InterruptedRunRecovery: Sendable {
    /// The `error` of an execution (and task) that could not be resumed.
    package static let reason = "Execution interrupted: the worker running it stopped before it finished"

    /// What a recovery did.
    package struct Report: Sendable, Equatable {
        /// Tasks whose jobs were queued again.
        package var requeued: Int
        /// Executions and tasks ended with ``InterruptedRunRecovery/reason``.
        package var failed: Int

        /// Creates the report.
        package init(requeued: Int, failed: Int) {
            self.requeued = requeued
            self.failed = failed
        }
    }

    /// Where the executions are.
    package let executions: any ExecutionStore
    /// Where their tasks are.
    package let tasks: any TaskStore
    /// Opens sealed jobs and checkpoints (`NOVA_SECRET_KEY`); nil makes every resume impossible.
    package let cipher: CredentialCipher?
    /// Timestamps.
    package let clock: any WallClock

    /// Creates the recovery.
    package init(executions: any ExecutionStore, tasks: any TaskStore, cipher: CredentialCipher?, clock: any WallClock) {
        self.executions = executions
        self.tasks = tasks
        self.cipher = cipher
        self.clock = clock
    }

    /// Frees the leases of the dead process, queues the jobs of unfinished tasks that can continue on `queue`, and fails
    /// the rest.
    package func recover(into queue: any JobQueue) async throws -> Report {
        _ = try await executions.releaseLeases(owner: nil)
        var report = Report(requeued: 0, failed: 0)
        var resumed = Set<Int>()
        for var task in try await tasks.unfinished() {
            guard let job = try await resumableJob(task) else {
                if task.executionID == nil { report.failed += try await failTask(&task) ? 1 : 0 }
                continue
            }
            if task.state == .started, task.executionID == nil {
                task.state = .pending
                task.updatedAt = clock.now()
                guard try await tasks.update(task, expecting: .started) else { continue }
            }
            try await queue.enqueue(job)
            report.requeued += 1
            if let id = task.executionID { resumed.insert(id) }
        }
        for execution in try await runningExecutions() where !resumed.contains(execution.id) {
            if try await end(execution.id, taskID: execution.taskID, leaseOwner: nil) { report.failed += 1 }
        }
        return report
    }

    /// Fails a `running` execution with ``reason`` (only while `leaseOwner` holds it, when given) and settles its task;
    /// returns whether the execution was still running.
    package func end(_ executionID: Int, taskID: String?, leaseOwner: String?) async throws -> Bool {
        let transition = ExecutionTransition(status: .failed, completedAt: clock.now(), error: Self.reason, leaseOwner: leaseOwner)
        guard try await executions.transition(id: executionID, from: .running, to: transition) else { return false }
        if let taskID, let execution = try await executions.execution(id: executionID) {
            try await TaskSettler(executions: executions, tasks: tasks, clock: clock).settle(taskID: taskID, execution: execution)
        }
        return true
    }

    /// The task's job when it can continue: sealed on the task, and for a task with an execution, a checkpoint to resume from.
    private func resumableJob(_ task: TaskRecord) async throws -> ExecutionJob? {
        guard let cipher, let sealed = task.sealedJob, let job = try? ExecutionJob(sealed: sealed, cipher: cipher) else { return nil }
        guard let executionID = task.executionID else { return job }
        guard let checkpoint = try await executions.checkpoint(executionID: executionID),
            (try? RunCheckpoint(sealed: checkpoint, cipher: cipher)) != nil
        else { return nil }
        return job
    }

    private func failTask(_ task: inout TaskRecord) async throws -> Bool {
        let previous = task.state
        task.state = .failure
        task.error = Self.reason
        task.updatedAt = clock.now()
        return try await tasks.update(task, expecting: previous)
    }

    private func runningExecutions() async throws -> [Execution] {
        var all: [Execution] = []
        while true {
            let page = try await executions.list(ExecutionFilter(status: ExecutionStatus.running.rawValue), skip: all.count, limit: 100)
            all += page.items
            if page.items.isEmpty || all.count >= page.total { return all }
        }
    }
}
