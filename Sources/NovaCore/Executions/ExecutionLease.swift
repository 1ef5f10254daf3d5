import Foundation

/// Which worker runs an execution, and until when unless it renews the lease (its heartbeat).
///
/// A lease that expired (the worker died or hung) may be taken over by another worker, which resumes the run from its
/// journal; every write of the run is a compare-and-set on the owner, so a worker that lost its lease cannot record
/// anything more.
package struct ExecutionLease: Sendable, Equatable {
    /// The worker, e.g. `host-1234-5f0c…` (unique per process).
    package var owner: String
    /// When the lease ends unless renewed.
    package var expiresAt: Date

    /// Creates the lease.
    package init(owner: String, expiresAt: Date) {
        self.owner = owner
        self.expiresAt = expiresAt
    }
}

/// A write refused because the writer no longer holds the execution's lease (another worker took the run over).
package struct ExecutionLeaseLost: Error, Equatable, CustomStringConvertible {
    /// The execution.
    package let executionID: Int

    /// Creates the error.
    package init(executionID: Int) {
        self.executionID = executionID
    }

    /// A sentence for logs.
    package var description: String { "the lease of execution \(executionID) was taken over by another worker" }
}
