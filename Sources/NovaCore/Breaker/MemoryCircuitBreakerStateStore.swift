/// Breaker states in memory, for tests.
package actor MemoryCircuitBreakerStateStore: CircuitBreakerStateStore {
    private var snapshots: [String: CircuitBreakerSnapshot] = [:]

    /// Creates an empty store.
    package init() {}

    /// The stored state of breaker `name`, or nil when it never saved one.
    package func snapshot(name: String) -> CircuitBreakerSnapshot? {
        snapshots[name]
    }

    /// Stores the state (replacing the previous one).
    package func save(_ snapshot: CircuitBreakerSnapshot) {
        snapshots[snapshot.name] = snapshot
    }
}
