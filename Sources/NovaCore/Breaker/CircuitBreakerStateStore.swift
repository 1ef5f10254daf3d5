/// Where breakers keep their state so that workers and the API see the same one.
package protocol CircuitBreakerStateStore: Sendable {
    /// The stored state of breaker `name`, or nil when it never saved one.
    func snapshot(name: String) async throws -> CircuitBreakerSnapshot?
    /// Stores the state (replacing the previous one).
    func save(_ snapshot: CircuitBreakerSnapshot) async throws
}
