import Foundation
import NovaJSON

/// Brings a task to the final state of its finished execution, with the TaskResult rebuilt from the execution and its
/// chain: for a worker that died between ending the execution and updating the task, and for runs ended by recovery.
package struct TaskSettler: Sendable {
    /// Where the execution and its chain are.
    package let executions: any ExecutionStore
    /// Where the task is.
    package let tasks: any TaskStore
    /// Timestamps.
    package let clock: any WallClock

    /// Creates the settler.
    package init(executions: any ExecutionStore, tasks: any TaskStore, clock: any WallClock) {
        self.executions = executions
        self.tasks = tasks
        self.clock = clock
    }

    /// Moves task `taskID`, if still unfinished, to the state matching `execution` (which must be finished); returns
    /// whether it did.
    @discardableResult
    package func settle(taskID: String, execution: Execution) async throws -> Bool {
        guard execution.status.isFinished, var task = try await tasks.task(id: taskID), !task.state.isFinished else { return false }
        let previous = task.state
        let trace = try await executions.chain(executionID: execution.id).map { entry in
            WorkflowRunOutcome.TraceEntry(nodeID: entry.record.nodeID, nodeType: entry.record.nodeType, status: entry.record.status)
        }
        let completed = execution.status == .completed
        let failure = completed || execution.status == .cancelled ? nil : RunFailure(kind: .run, nodeID: nil, detail: execution.error ?? "")
        let outcome = WorkflowRunOutcome(
            status: execution.status, context: execution.result ?? .object([:]), trace: trace, nodesExecuted: completed ? trace.count : nil,
            failure: failure)
        task.state = completed ? .success : execution.status == .cancelled ? .revoked : .failure
        task.executionID = execution.id
        task.error = execution.error
        task.result = ExecutionJobProcessor.taskResult(outcome, executionID: execution.id)
        task.updatedAt = clock.now()
        return try await tasks.update(task, expecting: previous)
    }
}
