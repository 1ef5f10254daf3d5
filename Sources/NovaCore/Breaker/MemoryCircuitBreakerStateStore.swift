/// Breaker states in memory, for tests.
package actor MemoryCircuitBreakerStateStore: CircuitBreakerStateStore {
    private var snapshots: [String: CircuitBreakerSnapshot] = [:]

    /// Creates an empty store.
    package init() {}

    package func snapshot(name: String) -> CircuitBreakerSnapshot? {
        snapshots[name]
    }

    package func save(_ snapshot: CircuitBreakerSnapshot) {
        snapshots[snapshot.name] = snapshot
    }
}
