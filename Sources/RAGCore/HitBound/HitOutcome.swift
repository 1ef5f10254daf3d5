/// What became of a semantic-cache candidate that nova acted on (docs/api.md §2.7, §2.10).
package enum HitOutcome: String, Sendable, Equatable, CaseIterable {
    /// The model confirmed it: evidence that it is correct.
    case confirmed
    /// The model rejected it: evidence that it is not.
    case rejected
    /// It ran without a confirmation (not evidence either way: its code running says nothing of what it was asked).
    case served
    /// Its code ran and its output failed validation: evidence that it is not correct.
    case failed
}

/// Outcome counts over the whole store (`/code/stats`).
package struct HitOutcomeTotals: Sendable, Equatable {
    /// Candidates the model confirmed.
    package var confirmed = 0
    /// Candidates the model rejected.
    package var rejected = 0
    /// Candidates run without a confirmation.
    package var served = 0
    /// Reused code whose output failed validation.
    package var failed = 0

    /// Creates the totals.
    package init(confirmed: Int = 0, rejected: Int = 0, served: Int = 0, failed: Int = 0) {
        self.confirmed = confirmed
        self.rejected = rejected
        self.served = served
        self.failed = failed
    }

    /// The observed false-hit rate of reuses: reused code that then failed validation, of all reuses (confirmed or
    /// served); 0 before the first.
    package var falseHitEstimate: Double {
        let reuses = confirmed + served
        return reuses == 0 ? 0 : Double(failed) / Double(reuses)
    }
}

/// Durable outcome counts per entry, similarity bucket and guard verdict, shared by every replica on one database.
package protocol HitOutcomeStore: Sendable {
    /// Counts one outcome of entry `entryID` (of `workflowID`) at `similarity`; `guardConflict` when the prompt guard
    /// found the candidate in conflict.
    func record(_ outcome: HitOutcome, entryID: String, workflowID: Int?, similarity: Double, guardConflict: Bool) async throws
    /// The evidence of every entry of `workflowID` (entries without one for nil) for candidates with the given guard verdict.
    func evidence(workflowID: Int?, guardConflict: Bool) async throws -> [String: HitEvidence]
    /// Counts over every entry.
    func totals() async throws -> HitOutcomeTotals
    /// Forgets every outcome (with `/code/clear`).
    func deleteAll() async throws
}

extension HitOutcome {
    /// The evidence this outcome is: (correct, incorrect).
    package var evidence: (correct: Int, incorrect: Int) {
        switch self {
        case .confirmed: (1, 0)
        case .rejected, .failed: (0, 1)
        case .served: (0, 0)
        }
    }
}
