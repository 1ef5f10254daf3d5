import Foundation
import Logging
import Resilience

/// Saves a breaker's state to the shared ``CircuitBreakerStateStore`` whenever its state or failure count changes,
/// so that `/metrics` and `/health/detailed` show what the workers see (D13) without a store write per call.
package actor BreakerStatePublisher {
    private let name: String
    private let failureThreshold: Int
    private let states: any CircuitBreakerStateStore
    private let clock: any WallClock
    private let logger: Logger
    private var published: (state: BreakerState, failures: Int)?
    private var openedAt: Date?

    /// Creates the publisher of breaker `name`; the first ``publish(_:failures:)`` always saves.
    package init(name: String, failureThreshold: Int, states: any CircuitBreakerStateStore, clock: any WallClock, logger: Logger) {
        self.name = name
        self.failureThreshold = failureThreshold
        self.states = states
        self.clock = clock
        self.logger = logger
    }

    /// Saves `state` and `failures` unless they are what was saved last; a store error is logged, never thrown.
    package func publish(_ state: BreakerState, failures: Int) async {
        if let published, published.state == state, published.failures == failures { return }
        let now = clock.now()
        if state == .closed {
            openedAt = nil
        } else if state == .open, published?.state != .open {
            openedAt = now
        }
        if state != published?.state {
            logger.warning(
                "circuit breaker changed state", metadata: ["breaker": .string(name), "state": .string(state.rawValue), "failures": "\(failures)"])
        }
        published = (state, failures)
        let snapshot = CircuitBreakerSnapshot(
            name: name, state: CircuitBreakerSnapshot.State(rawValue: state.rawValue) ?? .closed, failureCount: failures,
            failureThreshold: failureThreshold, openedAt: openedAt, updatedAt: now)
        do {
            try await states.save(snapshot)
        } catch {
            logger.warning("could not save the circuit breaker state", metadata: ["breaker": .string(name), "error": "\(error)"])
        }
    }
}
