import Foundation
import NovaJSON

/// What is known about a task (a queued request to execute a workflow), kept at least 24 h after it finished.
package struct TaskRecord: Sendable, Equatable {
    /// The id returned by `POST /workflows/{id}/execute` (a UUID string).
    package var taskID: String
    /// Current state.
    package var state: TaskState
    /// The workflow to run.
    package var workflowID: Int
    /// Its name when the task was queued.
    package var workflowName: String
    /// The client whose credentials are loaded, or nil.
    package var clientSlug: String?
    /// The execution created for it, once a worker started it.
    package var executionID: Int?
    /// Progress shown while `STARTED`/`RUNNING` (e.g. current node, nodes done).
    package var meta: JSONValue?
    /// The TaskResult object once finished (docs/api.md §3.4), redacted.
    package var result: JSONValue?
    /// Why it failed, or the workflow's error.
    package var error: String?
    /// How many times a worker has tried it.
    package var attempts: Int
    /// When it was queued.
    package var createdAt: Date
    /// When it last changed.
    package var updatedAt: Date
    /// The job sealed with `NOVA_SECRET_KEY` (``ExecutionJob/sealed(with:)``), written once when queued so a stopped
    /// process's work can be queued again; nil without a key. Never shown.
    package var sealedJob: String?

    /// Creates the record.
    package init(
        taskID: String, state: TaskState, workflowID: Int, workflowName: String, clientSlug: String? = nil, executionID: Int? = nil,
        meta: JSONValue? = nil, result: JSONValue? = nil, error: String? = nil, attempts: Int = 0, createdAt: Date, updatedAt: Date,
        sealedJob: String? = nil
    ) {
        self.sealedJob = sealedJob
        self.taskID = taskID
        self.state = state
        self.workflowID = workflowID
        self.workflowName = workflowName
        self.clientSlug = clientSlug
        self.executionID = executionID
        self.meta = meta
        self.result = result
        self.error = error
        self.attempts = attempts
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}
