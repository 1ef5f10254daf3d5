import Foundation
import NovaJSON

/// Turns one queued ``ExecutionJob`` into a finished task (docs/api.md §3.4): `PENDING → STARTED → RUNNING →
/// SUCCESS | FAILURE | REVOKED`, creating the execution and running it with the ``WorkflowRunner``. While `RUNNING`,
/// the task's `meta` also shows `current_node` and `nodes_done`.
///
/// The execution is leased to this worker (``LeaseTerms``) and the lease renewed while it runs. A job whose task is
/// already `STARTED`/`RUNNING` belongs to a run whose worker died or lost its lease: its lease is taken over once
/// expired and the run resumed from its journal and sealed checkpoint (finished nodes are not run again).
///
/// Deterministic problems (workflow deleted, graph invalid, credentials missing) fail the task at once, without
/// retries (D10). A failed workflow is `FAILURE` with the TaskResult, its `error` and `execution_id` (D16).
package struct ExecutionJobProcessor: Sendable {
    /// What became of a job.
    package enum Outcome: Sendable, Equatable {
        /// Its task is finished (now, or before this delivery): the job is done.
        case done
        /// Another worker holds the run, or may still: the job is left to the queue's redelivery of abandoned jobs.
        case heldElsewhere
    }

    /// Where workflows are read.
    package let workflows: any WorkflowStore
    /// Where task states are written.
    package let tasks: any TaskStore
    /// Where executions are created.
    package let executions: any ExecutionStore
    /// Loads the credentials of `client_slug` (§3.10).
    package let clientContext: ClientContextLoader
    /// Runs the graph; its cipher also opens checkpoints.
    package let runner: WorkflowRunner
    /// Timestamps.
    package let clock: any WallClock
    /// This worker's owner id and lease length.
    package let lease: LeaseTerms

    /// Creates the processor.
    package init(
        workflows: any WorkflowStore, tasks: any TaskStore, executions: any ExecutionStore, clientContext: ClientContextLoader,
        runner: WorkflowRunner,
        clock: any WallClock, lease: LeaseTerms = LeaseTerms(owner: LeaseTerms.processOwner(), duration: .seconds(30))
    ) {
        self.workflows = workflows
        self.tasks = tasks
        self.executions = executions
        self.clientContext = clientContext
        self.runner = runner
        self.clock = clock
        self.lease = lease
    }

    /// Processes `job` to a final task state, or resumes its run; throws only store errors (the job may then be
    /// redelivered).
    package func process(_ job: ExecutionJob) async throws -> Outcome {
        guard var task = try await tasks.task(id: job.taskID) else { return .done }
        switch task.state {
        case .pending: return try await start(&task, job)
        case .started, .running: return try await resume(task, job)
        case .success, .failure, .revoked, .retry: return .done
        }
    }

    private func start(_ task: inout TaskRecord, _ job: ExecutionJob) async throws -> Outcome {
        task.attempts += 1
        guard try await move(&task, to: .started, from: .pending) else { return .heldElsewhere }
        guard let workflow = try await workflows.workflow(id: job.workflowID) else {
            return try await fail(&task, from: .started, "Workflow \(job.workflowID) not found")
        }
        let graph: WorkflowGraph
        do {
            graph = try WorkflowGraph(definition: workflow.graphDefinition)
        } catch let error as GraphValidationError {
            return try await fail(&task, from: .started, "Invalid workflow graph: \(error.reason)")
        }
        var credentials: [String: JSONValue] = [:]
        if let slug = job.clientSlug {
            do {
                credentials = try await clientContext.context(slug: slug)
            } catch let error as ClientContextError {
                return try await fail(&task, from: .started, error.description)
            }
        }
        let context = ContextMerge.initial(job.initialContext, credentials: credentials)
        let secrets = Self.secretValues(of: credentials)
        let started = clock.now()
        let checkpoint = try runner.cipher.map { try RunCheckpoint(context: context, secrets: secrets).sealed(with: $0) }
        let execution = try await executions.create(
            ExecutionDraft(
                workflowID: workflow.id, taskID: job.taskID, clientSlug: job.clientSlug, status: .running, startedAt: started,
                lease: lease.lease(from: started), checkpoint: checkpoint),
            at: started)
        task.executionID = execution.id
        task.meta = Self.runningMeta(execution, workflowName: workflow.name)
        guard try await move(&task, to: .running, from: .started) else { return .heldElsewhere }
        let run = WorkflowRun(
            executionID: execution.id, workflowID: workflow.id, graph: graph, networkAllowed: Self.networkAllowed(workflow), context: context,
            secrets: secrets, leaseOwner: lease.owner)
        return try await execute(run, task: task)
    }

    /// Runs `run` while renewing its lease, then moves the task to the outcome's state.
    func execute(_ run: WorkflowRun, task: TaskRecord) async throws -> Outcome {
        var task = task
        let running = task
        let outcome: WorkflowRunOutcome
        do {
            outcome = try await renewingLease(of: run.executionID) {
                try await runner.run(run) { node, done in
                    var record = running
                    let progress = JSONValue(record: TaskProgress(currentNode: node.id, nodesDone: done)).objectValue ?? [:]
                    record.meta = .object((running.meta?.objectValue ?? [:]).merging(progress) { $1 })
                    record.updatedAt = clock.now()
                    _ = try await tasks.update(record, expecting: .running)
                }
            }
        } catch is ExecutionLeaseLost {
            return .heldElsewhere
        } catch WorkflowRunnerError.executionNotRunning {
            return .heldElsewhere
        }
        task.result = Self.taskResult(outcome, executionID: run.executionID)
        task.error = outcome.failure?.message ?? (outcome.status == .cancelled ? WorkflowRunnerError.cancelledMessage : nil)
        switch outcome.status {
        case .completed: _ = try await move(&task, to: .success, from: .running)
        case .cancelled: _ = try await move(&task, to: .revoked, from: .running)
        default: _ = try await move(&task, to: .failure, from: .running)
        }
        return .done
    }

    /// Runs `body` while a heartbeat renews the execution's lease every ``LeaseTerms/renewalInterval``; a refused
    /// renewal (another worker took the run over) cancels `body` and throws ``ExecutionLeaseLost``. A store error in a
    /// renewal is retried at the next beat: the lease only expires if renewals keep failing.
    private func renewingLease<T: Sendable>(of executionID: Int, _ body: @escaping @Sendable () async throws -> T) async throws -> T {
        let renewing: @Sendable () async throws -> Bool = {
            let renewed = try? await executions.renewLease(executionID: executionID, lease.lease(from: clock.now()))
            if renewed == false { throw ExecutionLeaseLost(executionID: executionID) }
            return true
        }
        guard let result = try await withBeat(every: lease.renewalInterval, beat: renewing, run: body) else { throw CancellationError() }
        return result
    }

    /// The TaskResult of docs/api.md §3.4 (already redacted by the runner).
    package static func taskResult(_ outcome: WorkflowRunOutcome, executionID: Int) -> JSONValue {
        JSONValue(record: TaskResult(outcome, executionID: executionID))
    }

    /// The `meta` of a `RUNNING` task before its first node (docs/api.md §3.4).
    static func runningMeta(_ execution: Execution, workflowName: String) -> JSONValue {
        JSONValue(
            record: RunningTaskMeta(
                executionID: execution.id, workflowID: execution.workflowID, workflowName: workflowName, clientSlug: execution.clientSlug,
                startedAt: WireDate.naive(execution.startedAt ?? execution.createdAt)))
    }

    static func networkAllowed(_ workflow: Workflow) -> Bool {
        workflow.graphDefinition["network"] != .bool(false)
    }

    private static func secretValues(of credentials: [String: JSONValue]) -> [String] {
        credentials.compactMap { key, value in SecretKeys.isSecret(key) ? value.stringValue : nil }
    }

    func fail(_ task: inout TaskRecord, from state: TaskState, _ message: String) async throws -> Outcome {
        task.error = message
        _ = try await move(&task, to: .failure, from: state)
        return .done
    }

    func move(_ task: inout TaskRecord, to state: TaskState, from expected: TaskState) async throws -> Bool {
        task.state = state
        task.updatedAt = clock.now()
        return try await tasks.update(task, expecting: expected)
    }
}
