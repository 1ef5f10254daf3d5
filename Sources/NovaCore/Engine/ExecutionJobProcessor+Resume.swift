import Foundation
import NovaJSON

extension ExecutionJobProcessor {
    /// How many workers may run one execution (the first and the ones that took it over): a run whose workers keep
    /// dying (a node that crashes its worker, say) ends failed at the next takeover instead of being resumed forever.
    package static let maxRuns = 3

    /// Continues the run of a task a worker had taken: once the execution's lease is free or expired, takes it over,
    /// replays the chain, restores the sealed checkpoint and runs the remaining nodes — unless ``maxRuns`` workers
    /// already ran it, which ends it failed.
    func resume(_ task: TaskRecord, _ job: ExecutionJob) async throws -> Outcome {
        var task = task
        guard let executionID = task.executionID else { return try await restart(task, job) }
        let now = clock.now()
        guard try await executions.claimLease(executionID: executionID, lease.lease(from: now), now: now) else {
            guard let execution = try await executions.execution(id: executionID) else {
                let state = task.state
                return try await fail(&task, from: state, WorkflowRunnerError.executionMissing(executionID).description)
            }
            guard execution.status.isFinished else { return .heldElsewhere }
            try await TaskSettler(executions: executions, tasks: tasks, clock: clock).settle(taskID: task.taskID, execution: execution)
            return .done
        }
        let recovery = InterruptedRunRecovery(executions: executions, tasks: tasks, cipher: runner.cipher, clock: clock)
        guard task.attempts < Self.maxRuns, let workflow = try await workflows.workflow(id: job.workflowID),
            let graph = try? WorkflowGraph(definition: workflow.graphDefinition),
            let checkpoint = try await openCheckpoint(of: executionID)
        else {
            _ = try await recovery.end(executionID, taskID: task.taskID, leaseOwner: lease.owner)
            return .done
        }
        let journal = try await executions.chain(executionID: executionID).map(\.record)
        task.attempts += 1
        task.updatedAt = clock.now()
        guard try await tasks.update(task, expecting: .running) else { return .heldElsewhere }
        let run = WorkflowRun(
            executionID: executionID, workflowID: workflow.id, graph: graph, networkAllowed: Self.networkAllowed(workflow),
            context: checkpoint.context,
            secrets: checkpoint.secrets, journal: journal, leaseOwner: lease.owner)
        return try await execute(run, task: task)
    }

    /// A task `STARTED` without an execution on record: its worker is about to create one (then the job is left
    /// alone), or died (after a lease length) — before creating it (the job starts again) or right after, before
    /// recording it on the task (that execution is adopted and resumed, so a task never gets a second one).
    private func restart(_ task: TaskRecord, _ job: ExecutionJob) async throws -> Outcome {
        var task = task
        let abandoned = task.updatedAt.addingTimeInterval(lease.seconds) < clock.now()
        guard task.state == .started, abandoned else { return .heldElsewhere }
        if let orphan = try await executions.execution(taskID: task.taskID) {
            task.executionID = orphan.id
            task.meta = Self.runningMeta(orphan, workflowName: task.workflowName)
            guard try await move(&task, to: .running, from: .started) else { return .heldElsewhere }
            return try await resume(task, job)
        }
        guard try await move(&task, to: .pending, from: .started) else { return .heldElsewhere }
        return try await process(job)
    }

    private func openCheckpoint(of executionID: Int) async throws -> RunCheckpoint? {
        guard let cipher = runner.cipher, let sealed = try await executions.checkpoint(executionID: executionID) else { return nil }
        return try? RunCheckpoint(sealed: sealed, cipher: cipher)
    }
}
