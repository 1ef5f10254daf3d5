/// The state of an execution (docs/api.md §3.5, plus `cancelled` for a run stopped on request).
package enum ExecutionStatus: String, Sendable, CaseIterable, Codable {
    /// Created, no worker has started it.
    case pending
    /// A worker runs it.
    case running
    /// Every node succeeded; `result` is the final context.
    case completed
    /// A node or the run failed; `error` says why.
    case failed
    /// Stopped because cancellation was requested.
    case cancelled

    /// Whether no further transition is possible.
    package var isFinished: Bool {
        self == .completed || self == .failed || self == .cancelled
    }
}
