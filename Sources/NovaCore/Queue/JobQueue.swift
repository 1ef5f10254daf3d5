import Foundation
import NovaJSON

/// A request to execute a workflow, handed from the API to the workers.
package struct ExecutionJob: Sendable, Equatable {
    /// The task this job reports to.
    package var taskID: String
    /// The workflow to run.
    package var workflowID: Int
    /// The client whose credentials are loaded into the context, or nil.
    package var clientSlug: String?
    /// The caller's initial context (may hold secrets: never logged or stored unredacted).
    package var initialContext: [String: JSONValue]
    /// When it was queued.
    package var enqueuedAt: Date

    /// Creates the job.
    package init(taskID: String, workflowID: Int, clientSlug: String?, initialContext: [String: JSONValue], enqueuedAt: Date) {
        self.taskID = taskID
        self.workflowID = workflowID
        self.clientSlug = clientSlug
        self.initialContext = initialContext
        self.enqueuedAt = enqueuedAt
    }
}

/// Where the API puts execution jobs. The producer side only: the consuming side (leases, acknowledgements,
/// redelivery) belongs to the workers of the durable-execution issue, which implement it in-process and on Redis
/// Streams.
package protocol JobQueue: Sendable {
    /// Queues `job`; returns once the queue holds it durably (as durable as the implementation is).
    func enqueue(_ job: ExecutionJob) async throws
}
