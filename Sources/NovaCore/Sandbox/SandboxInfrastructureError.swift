/// The sandbox itself failed — it could not be spawned, bubblewrap could not set it up, or its network helper
/// broke — as opposed to the code in it failing. Only these count for the sandbox circuit breaker (D28).
package struct SandboxInfrastructureError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What failed, with the helper's own error text where there is one.
    package var reason: String

    /// Creates an error.
    package init(_ reason: String) {
        self.reason = reason
    }

    /// `Sandbox infrastructure failure: <reason>`.
    package var description: String { "Sandbox infrastructure failure: \(reason)" }
}
