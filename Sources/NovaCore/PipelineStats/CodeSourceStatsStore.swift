/// Durable counts of prompt nodes by code source, written by the workers' pipelines and read by `/metrics` and
/// `/cache/stats` (in the database, so every worker process counts).
package protocol CodeSourceStatsStore: Sendable {
    /// Adds one prompt node's outcome.
    func record(_ event: CodeSourceEvent) async throws
    /// The totals so far.
    func totals() async throws -> CodeSourceTotals
    /// The totals of each UTC day (days since 1970-01-01) from `firstDay` on; a day without prompt nodes is absent.
    func daily(since firstDay: Int) async throws -> [Int: CodeSourceTotals]
}

/// ``CodeSourceStatsStore`` in memory, for tests and the in-memory stores.
package actor MemoryCodeSourceStatsStore: CodeSourceStatsStore {
    private var current = CodeSourceTotals()
    private var days: [Int: CodeSourceTotals] = [:]

    /// Creates empty totals.
    package init() {}

    /// Adds one prompt node's outcome.
    package func record(_ event: CodeSourceEvent) {
        current.bySource[event.source] = current.counts(event.source).adding(event)
        var day = days[event.day] ?? CodeSourceTotals()
        day.bySource[event.source] = day.counts(event.source).adding(event)
        days[event.day] = day
    }

    /// The totals so far.
    package func totals() -> CodeSourceTotals {
        current
    }

    /// The totals of each UTC day from `firstDay` on.
    package func daily(since firstDay: Int) -> [Int: CodeSourceTotals] {
        days.filter { $0.key >= firstDay }
    }
}
