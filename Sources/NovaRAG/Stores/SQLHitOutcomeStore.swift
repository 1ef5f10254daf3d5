import NovaStorage
import RAGCore

/// Outcome counts of semantic-cache candidates in SQL (`hit_outcomes`, migration 3), written once for SQLite and
/// PostgreSQL: one row per entry, guard verdict and similarity bucket, incremented in place, so every replica on the
/// database reads the same evidence and it outlives the process.
struct SQLHitOutcomeStore: HitOutcomeStore {
    let db: any SQLExecutor

    func record(_ outcome: HitOutcome, entryID: String, workflowID: Int?, similarity: Double, guardConflict: Bool) async throws {
        let counts = HitOutcome.allCases.map { $0 == outcome ? 1 : 0 }
        _ = try await db.write(
            """
            INSERT INTO hit_outcomes (entry_id, workflow_id, guard_conflict, bucket, confirmed, rejected, served, failed)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (entry_id, guard_conflict, bucket) DO UPDATE SET confirmed = hit_outcomes.confirmed + excluded.confirmed,
                rejected = hit_outcomes.rejected + excluded.rejected, served = hit_outcomes.served + excluded.served,
                failed = hit_outcomes.failed + excluded.failed
            """,
            [entryID, workflowID, guardConflict ? 1 : 0, HitEvidence.bucket(of: similarity)] + counts)
    }

    func evidence(workflowID: Int?, guardConflict: Bool) async throws -> [String: HitEvidence] {
        let scope = workflowID == nil ? "workflow_id IS NULL" : "workflow_id = ?"
        let arguments: [any SQLConvertible] = (workflowID.map { [$0] } ?? []) + [guardConflict ? 1 : 0]
        let rows = try await db.read(
            "SELECT entry_id, bucket, confirmed, rejected, failed FROM hit_outcomes WHERE \(scope) AND guard_conflict = ?", arguments)
        var evidence: [String: HitEvidence] = [:]
        for row in rows {
            evidence[try row.text("entry_id"), default: HitEvidence()].add(
                bucket: try row.int("bucket"), correct: try row.int("confirmed"), incorrect: try row.int("rejected") + row.int("failed"))
        }
        return evidence
    }

    func totals() async throws -> HitOutcomeTotals {
        let sums = HitOutcome.allCases.map { "CAST(COALESCE(SUM(\($0.rawValue)), 0) AS BIGINT) AS \($0.rawValue)" }.joined(separator: ", ")
        let row = try await db.read("SELECT \(sums) FROM hit_outcomes", [])[0]
        return HitOutcomeTotals(
            confirmed: try row.int("confirmed"), rejected: try row.int("rejected"), served: try row.int("served"), failed: try row.int("failed"))
    }

    func deleteAll() async throws {
        _ = try await db.write("DELETE FROM hit_outcomes", [])
    }
}
