/// One search result: an entry and its score (`max(0, cos)` rounded to 4 decimals).
package struct CodeMatch: Sendable, Equatable {
    /// The entry.
    package let entry: CodeEntry
    /// The score, in [0, 1], higher is closer.
    package let score: Double
    /// The prompt guard's reason when it finds the candidate in conflict (kept only for searches with a tolerated error rate).
    package var guardConflict: String? = nil
    /// What ``HitBound`` makes of it, for searches with a tolerated error rate.
    package var assessment: HitAssessment? = nil
    /// Whether to run it without a confirmation, for searches with a tolerated error rate.
    package var decision: HitDecision? = nil
}

/// What a search returns: the matches, best first, or the error that made it fail (docs/api.md §2.7: still a 200).
package struct CodeSearchOutcome: Sendable {
    /// The matches, best first.
    package let matches: [CodeMatch]
    /// The failure, or nil.
    package let error: String?
}

/// The result of a `/code/entries/{id}/result` report.
package struct CodeResultOutcome: Sendable, Equatable {
    /// Successes after the report.
    package let successCount: Int
    /// Failures after the report.
    package let failureCount: Int
    /// Whether the report evicted the entry.
    package let deleted: Bool
}
