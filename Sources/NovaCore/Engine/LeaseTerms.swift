import Foundation
import NovaJSON

/// How a worker holds the executions it runs: its owner id and the lease length (`WORKER_LEASE_SECONDS`); it renews
/// the lease every third of that length, so a lease expires only when its worker stopped renewing it.
package struct LeaseTerms: Sendable, Equatable {
    /// The worker's id, unique per process (``LeaseTerms/processOwner()``).
    package var owner: String
    /// How long a lease lasts without renewal.
    package var duration: Duration

    /// Creates the terms.
    package init(owner: String, duration: Duration) {
        self.owner = owner
        self.duration = duration
    }

    /// How often the holder renews: a third of the duration.
    package var renewalInterval: Duration { duration / 3 }

    /// The duration in seconds.
    package var seconds: TimeInterval {
        duration.seconds
    }

    /// The lease this worker holds from `now`.
    package func lease(from now: Date) -> ExecutionLease {
        ExecutionLease(owner: owner, expiresAt: now.addingTimeInterval(seconds))
    }

    /// `host-pid-random`: an owner id no other process has.
    package static func processOwner() -> String {
        let random = UUID().uuidString.prefix(8).lowercased()
        return "\(ProcessInfo.processInfo.hostName)-\(ProcessInfo.processInfo.processIdentifier)-\(random)"
    }
}
