/// Stops calling a dependency that keeps failing: after `failureThreshold` consecutive failures it opens for
/// `openDuration`, then lets one trial call through (half-open). Only failures the caller reports count, so callers
/// report infrastructure failures only (docs/api.md D28).
package actor CircuitBreaker<C: Clock> where C.Duration == Duration {
    private let failureThreshold: Int
    private let openDuration: Duration
    private let clock: C
    private var consecutiveFailures = 0
    private var openedAt: C.Instant?
    private var trialInFlight = false

    /// Creates a closed breaker.
    package init(failureThreshold: Int, openDuration: Duration, clock: C) {
        self.failureThreshold = failureThreshold
        self.openDuration = openDuration
        self.clock = clock
    }

    /// The current state.
    package var state: BreakerState {
        guard let openedAt else { return .closed }
        return openedAt.duration(to: clock.now) >= openDuration ? .halfOpen : .open
    }

    /// Consecutive failures so far.
    package var failureCount: Int { consecutiveFailures }

    /// Whether a call may go through now; in half-open state only one trial at a time.
    package func allowsCall() -> Bool {
        switch state {
        case .closed: return true
        case .open: return false
        case .halfOpen:
            guard !trialInFlight else { return false }
            trialInFlight = true
            return true
        }
    }

    /// Records a successful call: the breaker closes.
    package func recordSuccess() {
        consecutiveFailures = 0
        openedAt = nil
        trialInFlight = false
    }

    /// Records a call that ended without saying anything about the dependency (e.g. cancelled): a trial it held is
    /// given back, so the next call may try again.
    package func recordAbandoned() {
        trialInFlight = false
    }

    /// Records a failed call: the breaker opens at the threshold, or again after a failed trial.
    package func recordFailure() {
        consecutiveFailures += 1
        if trialInFlight || consecutiveFailures >= failureThreshold {
            openedAt = clock.now
        }
        trialInFlight = false
    }
}
