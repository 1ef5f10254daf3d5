import NovaCore

/// Counters of the semantic cache since the process started.
package struct CodeCacheStats: Sendable, Equatable {
    /// Searches answered (with or without matches).
    package var searches = 0
    /// Searches that returned at least one match.
    package var hits = 0
    /// Candidates above the threshold that the prompt guard rejected.
    package var guardRejections = 0
    /// Searches that failed (embedding or store errors).
    package var failures = 0
    /// Sum of search latencies, in milliseconds.
    package var totalLatencyMilliseconds = 0.0

    /// `hits / searches`, 0 before the first search.
    package var hitRate: Double { searches == 0 ? 0 : Double(hits) / Double(searches) }
    /// Mean search latency in milliseconds, 0 before the first search.
    package var meanLatencyMilliseconds: Double { searches == 0 ? 0 : totalLatencyMilliseconds / Double(searches) }
}
