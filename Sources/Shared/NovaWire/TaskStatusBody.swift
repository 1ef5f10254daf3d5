import NovaJSON

/// `GET /tasks/{task_id}` (docs/api.md §3.4). Which members appear depends on `status`; absent members are left out,
/// except `error`, which a `SUCCESS` body carries as null.
package struct TaskStatusBody: Codable, Sendable, Equatable {
    /// The task id asked for.
    package var taskId: String
    /// `PENDING`, `STARTED`, `RUNNING`, `SUCCESS`, `FAILURE`, `RETRY` or `REVOKED`.
    package var status: String
    /// The contract's message for the status.
    package var message: String
    /// Progress while `STARTED`/`RUNNING`.
    package var meta: JSONValue?
    /// The TaskResult once finished.
    package var result: JSONValue?
    /// The execution, once one exists.
    package var executionId: Int?
    /// Extension: `success` or `failed` once finished.
    package var workflowStatus: String?
    /// The error; null in a `SUCCESS` body.
    package var error: String?

    /// Creates the body.
    package init(
        taskId: String, status: String, message: String, meta: JSONValue? = nil, result: JSONValue? = nil, executionId: Int? = nil,
        workflowStatus: String? = nil, error: String? = nil
    ) {
        self.taskId = taskId
        self.status = status
        self.message = message
        self.meta = meta
        self.result = result
        self.executionId = executionId
        self.workflowStatus = workflowStatus
        self.error = error
    }

    enum CodingKeys: String, CodingKey {
        case status, message, meta, result, error
        case taskId = "task_id"
        case executionId = "execution_id"
        case workflowStatus = "workflow_status"
    }

    /// Encodes the members present, and `error` as null in a `SUCCESS` body.
    package func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(taskId, forKey: .taskId)
        try container.encode(status, forKey: .status)
        try container.encode(message, forKey: .message)
        try container.encodeIfPresent(meta, forKey: .meta)
        try container.encodeIfPresent(result, forKey: .result)
        try container.encodeIfPresent(executionId, forKey: .executionId)
        try container.encodeIfPresent(workflowStatus, forKey: .workflowStatus)
        if status == "SUCCESS" { try container.encode(error, forKey: .error) } else { try container.encodeIfPresent(error, forKey: .error) }
    }
}
