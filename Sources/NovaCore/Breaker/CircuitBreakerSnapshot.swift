import Foundation

/// The state of a circuit breaker as stored for every process to read (docs/api.md §3.2, D13).
package struct CircuitBreakerSnapshot: Sendable, Equatable {
    /// The breaker's states.
    package enum State: String, Sendable, CaseIterable {
        /// Calls go through.
        case closed
        /// Calls are refused until the open period ends.
        case open
        /// One trial call goes through.
        case halfOpen = "half_open"
    }

    /// Which breaker, e.g. `sandbox`.
    package var name: String
    /// Current state.
    package var state: State
    /// Consecutive failures counted.
    package var failureCount: Int
    /// Failures that open it.
    package var failureThreshold: Int
    /// When it opened, nil unless open or half-open.
    package var openedAt: Date?
    /// When it last changed.
    package var updatedAt: Date

    /// Creates the value.
    package init(name: String, state: State, failureCount: Int, failureThreshold: Int, openedAt: Date?, updatedAt: Date) {
        self.name = name
        self.state = state
        self.failureCount = failureCount
        self.failureThreshold = failureThreshold
        self.openedAt = openedAt
        self.updatedAt = updatedAt
    }

    /// A closed breaker with no failures: what a breaker that never saved its state is.
    package static func closed(name: String, failureThreshold: Int, at time: Date) -> CircuitBreakerSnapshot {
        CircuitBreakerSnapshot(name: name, state: .closed, failureCount: 0, failureThreshold: failureThreshold, openedAt: nil, updatedAt: time)
    }

    /// `state == closed` (D13).
    package var isHealthy: Bool { state == .closed }
}
