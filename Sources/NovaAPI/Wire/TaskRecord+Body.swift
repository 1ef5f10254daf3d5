import NovaCore
import NovaJSON
import Shared

extension TaskStatusBody {
    /// The body for a task nobody knows: unknown ids look queued (docs/api.md §3.4).
    static func pending(taskID: String) -> TaskStatusBody {
        TaskStatusBody(taskId: taskID, status: TaskState.pending.rawValue, message: "Task is queued, waiting for worker")
    }

    /// The contract's body for `record`'s state.
    init(_ record: TaskRecord) {
        let id = record.taskID
        let status = record.state.rawValue
        let outcome = record.result?["status"]?.stringValue ?? (record.state == .success ? "success" : "failed")
        switch record.state {
        case .pending:
            self = .pending(taskID: id)
        case .started:
            self.init(taskId: id, status: status, message: "Task is executing", meta: record.meta)
        case .running:
            self.init(taskId: id, status: status, message: "Task is executing", meta: record.meta ?? .object([:]))
        case .success:
            self.init(
                taskId: id, status: status, message: "Task completed successfully", result: record.result, executionId: record.executionID,
                workflowStatus: outcome, error: record.result?["error"]?.stringValue)
        case .failure:
            let withExecution = record.executionID != nil
            self.init(
                taskId: id, status: status, message: "Task failed", result: withExecution ? record.result : nil, executionId: record.executionID,
                workflowStatus: withExecution ? "failed" : nil, error: record.error ?? "Task failed")
        case .retry:
            self.init(taskId: id, status: status, message: "Task failed, retrying (\(record.attempts) attempts)", error: record.error ?? "")
        case .revoked:
            self.init(taskId: id, status: status, message: "Task was cancelled", executionId: record.executionID, error: record.error)
        }
    }
}
