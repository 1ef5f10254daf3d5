/// ``HitOutcomeStore`` in memory, for caches over ``MemoryCodeEntryStore``.
package final class MemoryHitOutcomeStore: HitOutcomeStore {
    private struct Row {
        let entryID: String
        let workflowID: Int?
        let guardConflict: Bool
        let bucket: Int
        let outcome: HitOutcome
    }

    private let rows = ReadWriteLocked<[Row]>([])

    /// An empty store.
    package init() {}

    package func record(_ outcome: HitOutcome, entryID: String, workflowID: Int?, similarity: Double, guardConflict: Bool) async throws {
        let row = Row(
            entryID: entryID, workflowID: workflowID, guardConflict: guardConflict, bucket: HitEvidence.bucket(of: similarity), outcome: outcome)
        rows.write { $0.append(row) }
    }

    package func evidence(workflowID: Int?, guardConflict: Bool) async throws -> [String: HitEvidence] {
        rows.read { rows in
            rows.filter { $0.workflowID == workflowID && $0.guardConflict == guardConflict }.reduce(into: [:]) { evidence, row in
                evidence[row.entryID, default: HitEvidence()].add(
                    bucket: row.bucket, correct: row.outcome.evidence.correct, incorrect: row.outcome.evidence.incorrect)
            }
        }
    }

    package func totals() async throws -> HitOutcomeTotals {
        rows.read { rows in
            HitOutcomeTotals(
                confirmed: rows.filter { $0.outcome == .confirmed }.count, rejected: rows.filter { $0.outcome == .rejected }.count,
                served: rows.filter { $0.outcome == .served }.count, failed: rows.filter { $0.outcome == .failed }.count)
        }
    }

    package func deleteAll() async throws {
        rows.write { $0 = [] }
    }
}
