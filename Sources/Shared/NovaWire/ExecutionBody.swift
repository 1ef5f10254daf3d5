import NovaJSON

/// An execution on the wire (docs/api.md §3.5, plus `task_id`, `client_slug` and `cancel_requested`).
package struct ExecutionBody: Codable, Sendable, Equatable {
    /// Integer id.
    package var id: Int
    /// The workflow it runs.
    package var workflowId: Int
    /// `pending`, `running`, `completed`, `failed` or `cancelled`.
    package var status: String
    /// Naive UTC, or null.
    @NullEncoded package var startedAt: String?
    /// Naive UTC, or null.
    @NullEncoded package var completedAt: String?
    /// Final or last context (redacted), or null.
    @NullEncoded package var result: JSONValue?
    /// Why it failed, or null.
    @NullEncoded package var error: String?
    /// Naive UTC.
    package var createdAt: String
    /// Extension: the task that asked for it, or null.
    @NullEncoded package var taskId: String?
    /// Extension: the client whose credentials were loaded, or null.
    @NullEncoded package var clientSlug: String?
    /// Extension: whether cancellation was requested.
    package var cancelRequested: Bool

    /// Creates the body.
    package init(
        id: Int, workflowId: Int, status: String, startedAt: String?, completedAt: String?, result: JSONValue?, error: String?, createdAt: String,
        taskId: String?, clientSlug: String?, cancelRequested: Bool
    ) {
        self.id = id
        self.workflowId = workflowId
        self.status = status
        self.startedAt = startedAt
        self.completedAt = completedAt
        self.result = result
        self.error = error
        self.createdAt = createdAt
        self.taskId = taskId
        self.clientSlug = clientSlug
        self.cancelRequested = cancelRequested
    }

    enum CodingKeys: String, CodingKey {
        case id, status, result, error
        case workflowId = "workflow_id"
        case startedAt = "started_at"
        case completedAt = "completed_at"
        case createdAt = "created_at"
        case taskId = "task_id"
        case clientSlug = "client_slug"
        case cancelRequested = "cancel_requested"
    }
}

/// `GET /executions`.
package struct ExecutionListBody: Codable, Sendable, Equatable {
    /// The page, newest first.
    package var executions: [ExecutionBody]
    /// Count of executions matching the filters.
    package var total: Int

    /// Creates the body.
    package init(executions: [ExecutionBody], total: Int) {
        self.executions = executions
        self.total = total
    }
}

/// `202` answer of `POST /executions/{id}/cancel`.
package struct CancelAcceptedBody: Codable, Sendable, Equatable {
    /// The execution.
    package var executionId: Int
    /// Its status when cancellation was requested.
    package var status: String
    /// Always true.
    package var cancelRequested = true
    /// What happens next.
    package var message = "Cancellation requested; the worker stops the execution at its next step"

    /// Creates the body.
    package init(executionId: Int, status: String) {
        self.executionId = executionId
        self.status = status
    }

    enum CodingKeys: String, CodingKey {
        case status, message
        case executionId = "execution_id"
        case cancelRequested = "cancel_requested"
    }
}
