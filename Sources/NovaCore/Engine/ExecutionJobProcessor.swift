import Foundation
import NovaJSON

/// Turns one queued ``ExecutionJob`` into a finished task (contract §3.4): `PENDING → STARTED → RUNNING →
/// SUCCESS | FAILURE | REVOKED`, creating the execution and running it with the ``WorkflowRunner``. While `RUNNING`,
/// the task's `meta` also shows `current_node` and `nodes_done`.
///
/// Deterministic problems (workflow deleted, graph invalid, credentials missing) fail the task at once, without
/// retries (D10). A failed workflow is `FAILURE` with the TaskResult, its `error` and `execution_id` (D16).
package struct ExecutionJobProcessor: Sendable {
    /// Where workflows are read.
    package let workflows: any WorkflowStore
    /// Where task states are written.
    package let tasks: any TaskStore
    /// Where executions are created.
    package let executions: any ExecutionStore
    /// Loads the credentials of `client_slug` (§3.10).
    package let clientContext: ClientContextLoader
    /// Runs the graph.
    package let runner: WorkflowRunner
    /// Timestamps.
    package let clock: any WallClock

    /// Creates the processor.
    package init(
        workflows: any WorkflowStore, tasks: any TaskStore, executions: any ExecutionStore, clientContext: ClientContextLoader, runner: WorkflowRunner,
        clock: any WallClock
    ) {
        self.workflows = workflows
        self.tasks = tasks
        self.executions = executions
        self.clientContext = clientContext
        self.runner = runner
        self.clock = clock
    }

    /// Processes `job` to a final task state; throws only store errors (the job may then be redelivered).
    /// A job whose task is no longer `PENDING` (already taken or finished) is skipped.
    package func process(_ job: ExecutionJob) async throws {
        guard var task = try await tasks.task(id: job.taskID), task.state == .pending else { return }
        task.attempts += 1
        guard try await move(&task, to: .started, from: .pending) else { return }
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
        let started = clock.now()
        let execution = try await executions.create(
            ExecutionDraft(workflowID: workflow.id, taskID: job.taskID, clientSlug: job.clientSlug, status: .running, startedAt: started), at: started)
        task.executionID = execution.id
        task.meta = .object([
            "execution_id": .int(execution.id), "workflow_id": .int(workflow.id), "workflow_name": .string(workflow.name),
            "client_slug": job.clientSlug.map(JSONValue.string) ?? .null, "started_at": .string(WireDate.naive(started)),
        ])
        guard try await move(&task, to: .running, from: .started) else { return }
        let run = WorkflowRun(
            executionID: execution.id, workflowID: workflow.id, graph: graph, networkAllowed: workflow.graphDefinition["network"] != .bool(false),
            context: ContextMerge.initial(job.initialContext, credentials: credentials), secrets: Self.secretValues(of: credentials))
        let running = task
        let outcome = try await runner.run(run) { node, done in
            var record = running
            record.meta = .object(
                (running.meta?.objectValue ?? [:]).merging(["current_node": .string(node.id), "nodes_done": .int(done)]) { _, progress in progress })
            record.updatedAt = clock.now()
            _ = try await tasks.update(record, expecting: .running)
        }
        task.result = Self.taskResult(outcome, executionID: execution.id)
        task.error = outcome.failure?.message ?? (outcome.status == .cancelled ? WorkflowRunnerError.cancelledMessage : nil)
        switch outcome.status {
        case .completed: _ = try await move(&task, to: .success, from: .running)
        case .cancelled: _ = try await move(&task, to: .revoked, from: .running)
        default: _ = try await move(&task, to: .failure, from: .running)
        }
    }

    /// The TaskResult of contract §3.4 (already redacted by the runner).
    package static func taskResult(_ outcome: WorkflowRunOutcome, executionID: Int) -> JSONValue {
        var members: [String: JSONValue] = [
            "execution_id": .int(executionID), "status": .string(outcome.status == .completed ? "success" : "failed"), "final_context": outcome.context,
            "execution_trace": .array(
                outcome.trace.map { .object(["node_id": .string($0.nodeID), "node_type": .string($0.nodeType), "status": .string($0.status)]) }),
            "nodes_executed": outcome.nodesExecuted.map(JSONValue.int) ?? .null,
            "error": outcome.failure.map { .string($0.message) } ?? (outcome.status == .cancelled ? .string(WorkflowRunnerError.cancelledMessage) : .null),
        ]
        if let node = outcome.failure?.nodeID {
            members["failed_at_node"] = .string(node)
        }
        return .object(members)
    }

    private static func secretValues(of credentials: [String: JSONValue]) -> [String] {
        credentials.compactMap { key, value in SecretKeys.isSecret(key) ? value.stringValue : nil }
    }

    private func fail(_ task: inout TaskRecord, from state: TaskState, _ message: String) async throws {
        task.error = message
        _ = try await move(&task, to: .failure, from: state)
    }

    private func move(_ task: inout TaskRecord, to state: TaskState, from expected: TaskState) async throws -> Bool {
        task.state = state
        task.updatedAt = clock.now()
        return try await tasks.update(task, expecting: expected)
    }
}
