import Foundation
import NovaJSON

/// Ends the executions a stopped process left `running` (D31): each becomes `failed` with the reason, and its task
/// `FAILURE` with the TaskResult, so no row stays `running` and no client polls forever.
///
/// Only for a store no other live worker writes to (the embedded database of one process): a run cannot be resumed
/// from the journal there, because the queued job — with the unredacted initial context — died with the process.
package struct InterruptedRunRecovery: Sendable {
    /// The `error` of a recovered execution.
    package static let reason = "Execution interrupted: the worker running it stopped before it finished"

    /// Where the executions are.
    package let executions: any ExecutionStore
    /// Where their tasks are.
    package let tasks: any TaskStore
    /// Timestamps.
    package let clock: any WallClock

    /// Creates the recovery.
    package init(executions: any ExecutionStore, tasks: any TaskStore, clock: any WallClock) {
        self.executions = executions
        self.tasks = tasks
        self.clock = clock
    }

    /// Fails every `running` execution and its task; returns how many executions it ended.
    package func recover() async throws -> Int {
        var ended = 0
        while true {
            let page = try await executions.list(ExecutionFilter(status: ExecutionStatus.running.rawValue), skip: 0, limit: 100)
            guard !page.items.isEmpty else { return ended }
            for execution in page.items {
                let transition = ExecutionTransition(status: .failed, completedAt: clock.now(), error: Self.reason)
                guard try await executions.transition(id: execution.id, from: .running, to: transition) else { continue }
                ended += 1
                if let taskID = execution.taskID {
                    try await failTask(taskID, execution: execution)
                }
            }
        }
    }

    private func failTask(_ taskID: String, execution: Execution) async throws {
        guard var task = try await tasks.task(id: taskID), [.started, .running].contains(task.state) else { return }
        let previous = task.state
        let trace = try await executions.chain(executionID: execution.id).map { entry -> WorkflowRunOutcome.TraceEntry in
            .init(nodeID: entry.record.nodeID, nodeType: entry.record.nodeType, status: entry.record.status)
        }
        let outcome = WorkflowRunOutcome(
            status: .failed, context: execution.result ?? .object([:]), trace: trace, nodesExecuted: nil,
            failure: RunFailure(kind: .run, nodeID: nil, detail: Self.reason))
        task.state = .failure
        task.executionID = execution.id
        task.error = Self.reason
        task.result = ExecutionJobProcessor.taskResult(outcome, executionID: execution.id)
        task.updatedAt = clock.now()
        _ = try await tasks.update(task, expecting: previous)
    }
}
