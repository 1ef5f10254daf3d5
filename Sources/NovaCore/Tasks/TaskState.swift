/// The state of a task as `GET /tasks/{task_id}` reports it (docs/api.md §3.4; `REVOKED` for a cancelled one).
package enum TaskState: String, Sendable, CaseIterable, Codable {
    /// Queued, waiting for a worker.
    case pending = "PENDING"
    /// A worker took it.
    case started = "STARTED"
    /// Its execution runs.
    case running = "RUNNING"
    /// The workflow completed.
    case success = "SUCCESS"
    /// The workflow or the task failed.
    case failure = "FAILURE"
    /// An infrastructure error before the first node; it will be retried (D10).
    case retry = "RETRY"
    /// Cancelled on request.
    case revoked = "REVOKED"

    /// Whether the task reached its outcome.
    package var isFinished: Bool {
        self == .success || self == .failure || self == .revoked
    }
}
