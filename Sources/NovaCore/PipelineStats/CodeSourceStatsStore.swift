/// Durable counts of prompt nodes by code source, written by the workers' pipelines and read by `/metrics` and
/// `/cache/stats` (in the database, so every worker process counts).
package protocol CodeSourceStatsStore: Sendable {
    /// Adds one prompt node's outcome.
    func record(_ event: CodeSourceEvent) async throws
    /// The totals so far.
    func totals() async throws -> CodeSourceTotals
}

/// ``CodeSourceStatsStore`` in memory, for tests and the in-memory stores.
package actor MemoryCodeSourceStatsStore: CodeSourceStatsStore {
    private var current = CodeSourceTotals()

    /// Creates empty totals.
    package init() {}

    /// Adds one prompt node's outcome.
    package func record(_ event: CodeSourceEvent) {
        current.bySource[event.source] = current.counts(event.source).adding(event)
    }

    /// The totals so far.
    package func totals() -> CodeSourceTotals {
        current
    }
}
