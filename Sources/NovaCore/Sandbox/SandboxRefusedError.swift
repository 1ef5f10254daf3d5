/// The sandbox refuses to run node code because it cannot enforce the isolation the configuration asks for
/// (`SANDBOX_ISOLATION`); the reason says what is missing and how to accept weaker isolation. Not an
/// infrastructure failure: it does not count for the circuit breaker, every run fails with it at once.
package struct SandboxRefusedError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is missing, from the start-up probe.
    package var reason: String

    /// Creates the error.
    package init(_ reason: String) {
        self.reason = reason
    }

    /// `Sandbox refuses to run node code: <reason>`.
    package var description: String { "Sandbox refuses to run node code: \(reason)" }
}
