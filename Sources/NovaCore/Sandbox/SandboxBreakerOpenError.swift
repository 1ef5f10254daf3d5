/// The sandbox circuit breaker is open: the sandbox itself failed repeatedly, so nodes fail at once instead of
/// spawning again (docs/api.md §3.9).
package struct SandboxBreakerOpenError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Consecutive infrastructure failures counted.
    package var failures: Int
    /// How long the breaker stays open before one trial run.
    package var openDuration: Duration

    /// Creates the error.
    package init(failures: Int, openDuration: Duration) {
        self.failures = failures
        self.openDuration = openDuration
    }

    /// `Sandbox circuit breaker is OPEN: …`.
    package var description: String {
        "Sandbox circuit breaker is OPEN: \(failures) consecutive sandbox infrastructure failures; "
            + "runs are refused for \(openDuration.components.seconds) s after the last one, then one trial run is let through"
    }
}
