import NovaJSON

/// The TaskResult of a finished task (docs/api.md §3.4): its execution, `success` or `failed`, the final context,
/// the visited nodes, and why it failed. `nodes_executed` and `error` are null when they do not apply;
/// `failed_at_node` is present only when a node failed.
package struct TaskResult: Encodable, Sendable, Equatable {
    package let executionID: Int
    /// `success` or `failed` (a cancelled run is `failed`).
    package let status: String
    /// The context at the end, redacted.
    package let finalContext: JSONValue
    package let executionTrace: [WorkflowRunOutcome.TraceEntry]
    /// Visits including start and end when the run completed.
    @NullEncoded package var nodesExecuted: Int?
    @NullEncoded package var error: String?
    package let failedAtNode: String?

    /// The result of `outcome`, the run of execution `executionID` (already redacted by the runner).
    package init(_ outcome: WorkflowRunOutcome, executionID: Int) {
        self.executionID = executionID
        status = outcome.status == .completed ? "success" : "failed"
        finalContext = outcome.context
        executionTrace = outcome.trace
        nodesExecuted = outcome.nodesExecuted
        error = outcome.failure?.message ?? (outcome.status == .cancelled ? WorkflowRunnerError.cancelledMessage : nil)
        failedAtNode = outcome.failure?.nodeID
    }

    enum CodingKeys: String, CodingKey {
        case status, error
        case executionID = "execution_id"
        case finalContext = "final_context"
        case executionTrace = "execution_trace"
        case nodesExecuted = "nodes_executed"
        case failedAtNode = "failed_at_node"
    }
}

/// A `RUNNING` task's `meta` before its first node (docs/api.md §3.4).
struct RunningTaskMeta: Encodable {
    let executionID: Int
    let workflowID: Int
    let workflowName: String
    @NullEncoded var clientSlug: String?
    /// Naive UTC.
    let startedAt: String

    enum CodingKeys: String, CodingKey {
        case executionID = "execution_id"
        case workflowID = "workflow_id"
        case workflowName = "workflow_name"
        case clientSlug = "client_slug"
        case startedAt = "started_at"
    }
}

/// What a `RUNNING` task's `meta` adds once nodes run: the node running and how many are done.
struct TaskProgress: Encodable {
    let currentNode: String
    let nodesDone: Int

    enum CodingKeys: String, CodingKey {
        case currentNode = "current_node"
        case nodesDone = "nodes_done"
    }
}
