import Foundation
import NovaJSON

/// One run of a workflow (docs/api.md §3.5).
package struct Execution: Sendable, Equatable {
    /// Integer id assigned by the store.
    package var id: Int
    /// The workflow it runs.
    package var workflowID: Int
    /// The task that asked for it, when it came through `POST /workflows/{id}/execute`.
    package var taskID: String?
    /// The client whose credentials were loaded, or nil.
    package var clientSlug: String?
    /// Current state.
    package var status: ExecutionStatus
    /// When a worker started it.
    package var startedAt: Date?
    /// When it finished.
    package var completedAt: Date?
    /// The final (or, on failure, last) context, redacted.
    package var result: JSONValue?
    /// Why it failed.
    package var error: String?
    /// When the row was created.
    package var createdAt: Date
    /// When cancellation was requested, or nil.
    package var cancelRequestedAt: Date?

    /// Creates the value.
    package init(
        id: Int, workflowID: Int, taskID: String?, clientSlug: String?, status: ExecutionStatus, startedAt: Date?, completedAt: Date?,
        result: JSONValue?, error: String?, createdAt: Date, cancelRequestedAt: Date?
    ) {
        self.id = id
        self.workflowID = workflowID
        self.taskID = taskID
        self.clientSlug = clientSlug
        self.status = status
        self.startedAt = startedAt
        self.completedAt = completedAt
        self.result = result
        self.error = error
        self.createdAt = createdAt
        self.cancelRequestedAt = cancelRequestedAt
    }
}

/// The fields of an execution to create; the engine creates it `running` with `startedAt` set.
package struct ExecutionDraft: Sendable, Equatable {
    /// The workflow it runs.
    package var workflowID: Int
    /// The task that asked for it.
    package var taskID: String?
    /// The client whose credentials are loaded.
    package var clientSlug: String?
    /// Initial state.
    package var status: ExecutionStatus
    /// When a worker started it.
    package var startedAt: Date?
    /// The lease of the worker that runs it, or nil.
    package var lease: ExecutionLease?
    /// The sealed starting context (``RunCheckpoint``), or nil when none can be sealed.
    package var checkpoint: String?

    /// Creates the draft.
    package init(
        workflowID: Int, taskID: String? = nil, clientSlug: String? = nil, status: ExecutionStatus = .running, startedAt: Date? = nil,
        lease: ExecutionLease? = nil, checkpoint: String? = nil
    ) {
        self.workflowID = workflowID
        self.taskID = taskID
        self.clientSlug = clientSlug
        self.status = status
        self.startedAt = startedAt
        self.lease = lease
        self.checkpoint = checkpoint
    }
}

/// A state change applied by ``ExecutionStore/transition(id:from:to:)`` only when the current status is the expected one.
package struct ExecutionTransition: Sendable, Equatable {
    /// The new status.
    package var status: ExecutionStatus
    /// Sets `started_at` when not nil.
    package var startedAt: Date?
    /// Sets `completed_at` when not nil.
    package var completedAt: Date?
    /// Sets `result` when not nil.
    package var result: JSONValue?
    /// Sets `error` when not nil.
    package var error: String?
    /// When not nil, applies only while this worker holds the lease.
    package var leaseOwner: String?

    /// Creates the transition.
    package init(
        status: ExecutionStatus, startedAt: Date? = nil, completedAt: Date? = nil, result: JSONValue? = nil, error: String? = nil,
        leaseOwner: String? = nil
    ) {
        self.status = status
        self.startedAt = startedAt
        self.completedAt = completedAt
        self.result = result
        self.error = error
        self.leaseOwner = leaseOwner
    }

    /// `execution` after the transition.
    package func applied(to execution: Execution) -> Execution {
        var next = execution
        next.status = status
        if let startedAt { next.startedAt = startedAt }
        if let completedAt { next.completedAt = completedAt }
        if let result { next.result = result }
        if let error { next.error = error }
        return next
    }
}

/// Filters of `GET /executions`: nil members do not filter.
package struct ExecutionFilter: Sendable, Equatable {
    /// Only executions of this workflow.
    package var workflowID: Int?
    /// Only executions whose status text equals this one exactly.
    package var status: String?
    /// A page cursor: the page holds only executions with a smaller id (older ones), while the total still counts every
    /// execution passing the other filters. Unlike an offset it costs the same on any page.
    package var beforeID: Int?

    /// Creates the filter.
    package init(workflowID: Int? = nil, status: String? = nil, beforeID: Int? = nil) {
        self.workflowID = workflowID
        self.status = status
        self.beforeID = beforeID
    }

    /// Whether `execution` passes the filter (the cursor aside).
    package func matches(_ execution: Execution) -> Bool {
        (workflowID == nil || execution.workflowID == workflowID) && (status == nil || execution.status.rawValue == status)
    }

    /// Whether `execution` is on the cursor's side.
    package func isBeforeCursor(_ execution: Execution) -> Bool {
        beforeID.map { execution.id < $0 } ?? true
    }
}
