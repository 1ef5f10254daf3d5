import Foundation
import NovaCore
import NovaStorage

/// ``ExactCodeCacheStore`` in SQL (`code_cache`, unique on (workflow, key) with a null workflow counted as one).
struct SQLExactCodeCacheStore: ExactCodeCacheStore {
    let db: any SQLExecutor

    private static let columns =
        "id, cache_key, task_hash, generated_code, model, original_prompt, times_reused, success_count, failure_count, cost_usd, tokens_input, "
        + "tokens_output, avg_execution_time_ms, created_at, last_used_at, workflow_id, node_id"

    func insertIfAbsent(_ draft: ExactCacheDraft, at time: Date) async throws -> ExactCacheEntry? {
        let entry = draft.entry(id: 0, at: time)
        return try await db.write(
            """
            INSERT INTO code_cache (cache_key, task_hash, generated_code, model, original_prompt, times_reused, success_count, failure_count,
                cost_usd, tokens_input, tokens_output, avg_execution_time_ms, created_at, last_used_at, workflow_id, node_id)
            VALUES (?, ?, ?, ?, ?, 0, 1, 0, ?, ?, ?, ?, ?, NULL, ?, ?) ON CONFLICT DO NOTHING RETURNING \(Self.columns)
            """,
            [
                entry.cacheKey, entry.taskHash, entry.generatedCode, entry.model, entry.originalPrompt, entry.costUSD, entry.tokensInput,
                entry.tokensOutput, entry.avgExecutionTimeMs, time, entry.workflowID, entry.nodeID,
            ]
        ).first.map(Self.entry)
    }

    func lookup(workflowID: Int?, cacheKey: String) async throws -> ExactCacheEntry? {
        try await db.read(
            "SELECT \(Self.columns) FROM code_cache WHERE COALESCE(workflow_id, 0) = ? AND cache_key = ?", [workflowID ?? 0, cacheKey]
        ).first.map(Self.entry)
    }

    func recordReuse(id: Int, success: Bool, executionTimeMs: Double, at time: Date) async throws -> ExactCacheEntry? {
        let update =
            success
            ? """
            UPDATE code_cache SET times_reused = times_reused + 1, success_count = success_count + 1, last_used_at = ?,
                avg_execution_time_ms = CASE WHEN avg_execution_time_ms IS NULL THEN ? ELSE 0.8 * avg_execution_time_ms + 0.2 * ? END
            WHERE id = ? RETURNING \(Self.columns)
            """
            : "UPDATE code_cache SET times_reused = times_reused + 1, failure_count = failure_count + 1 WHERE id = ? RETURNING \(Self.columns)"
        let arguments: [any SQLConvertible] = success ? [time, executionTimeMs, executionTimeMs, id] : [id]
        return try await db.write(update, arguments).first.map(Self.entry)
    }

    func delete(id: Int) async throws -> Bool {
        try await !db.write("DELETE FROM code_cache WHERE id = ? RETURNING id", [id]).isEmpty
    }

    func stats() async throws -> ExactCacheStats {
        let totals = try await db.read(
            """
            SELECT COUNT(*) AS codes, CAST(COALESCE(SUM(times_reused), 0) AS BIGINT) AS hits,
                CAST(COALESCE(SUM(COALESCE(cost_usd, 0) * times_reused), 0) AS DOUBLE PRECISION) AS saved,
                CAST(COALESCE(SUM(success_count), 0) AS BIGINT) AS successes, CAST(COALESCE(SUM(failure_count), 0) AS BIGINT) AS failures
            FROM code_cache
            """, [])[0]
        let top = try await entries(limit: 10, offset: 0).items
        return ExactCacheStats(
            totalCachedCodes: try totals.int("codes"), totalCacheHits: try totals.int("hits"), totalCostSavedUSD: try totals.double("saved"),
            totalSuccesses: try totals.int("successes"), totalFailures: try totals.int("failures"), topCodes: top)
    }

    func entries(workflowID: Int?, limit: Int, offset: Int) async throws -> Page<ExactCacheEntry> {
        let clause = workflowID == nil ? "" : "WHERE workflow_id = ?"
        let filter: [any SQLConvertible] = workflowID.map { [$0] } ?? []
        let rows = try await db.read(
            "SELECT \(Self.columns) FROM code_cache \(clause) ORDER BY times_reused DESC, id LIMIT ? OFFSET ?", filter + [limit, offset])
        let total = try await db.read("SELECT COUNT(*) AS n FROM code_cache \(clause)", filter)[0].int("n")
        return Page(items: try rows.map(Self.entry), total: total)
    }

    func entry(cacheKey: String) async throws -> ExactCacheEntry? {
        try await db.read(
            """
            SELECT \(Self.columns) FROM code_cache WHERE cache_key = ?
            ORDER BY CASE WHEN last_used_at IS NULL THEN 1 ELSE 0 END, last_used_at DESC, id DESC LIMIT 1
            """, [cacheKey]
        ).first.map(Self.entry)
    }

    func delete(cacheKey: String) async throws -> Int {
        try await db.write("DELETE FROM code_cache WHERE cache_key = ? RETURNING id", [cacheKey]).count
    }

    func deleteUnused(since time: Date) async throws -> Int {
        try await db.write("DELETE FROM code_cache WHERE COALESCE(last_used_at, created_at) < ? RETURNING id", [time]).count
    }

    func prune(createdBefore cutoff: Date?, keepingAtMost maxEntries: Int?) async throws -> Int {
        var deleted = 0
        if let cutoff {
            deleted += try await db.write("DELETE FROM code_cache WHERE created_at < ? RETURNING id", [cutoff]).count
        }
        if let maxEntries {
            deleted += try await db.write(
                """
                DELETE FROM code_cache WHERE id NOT IN (
                    SELECT id FROM code_cache ORDER BY COALESCE(last_used_at, created_at) DESC, id DESC LIMIT ?) RETURNING id
                """, [maxEntries]
            ).count
        }
        return deleted
    }

    private static func entry(_ row: SQLRow) throws -> ExactCacheEntry {
        ExactCacheEntry(
            id: try row.int("id"), cacheKey: try row.text("cache_key"), taskHash: try row.text("task_hash"),
            generatedCode: try row.text("generated_code"), model: try row.text("model"), originalPrompt: try row.text("original_prompt"),
            timesReused: try row.int("times_reused"), successCount: try row.int("success_count"), failureCount: try row.int("failure_count"),
            costUSD: try row.doubleOrNil("cost_usd"), tokensInput: try row.intOrNil("tokens_input"), tokensOutput: try row.intOrNil("tokens_output"),
            avgExecutionTimeMs: try row.doubleOrNil("avg_execution_time_ms"), createdAt: try row.date("created_at"),
            lastUsedAt: try row.dateOrNil("last_used_at"), workflowID: try row.intOrNil("workflow_id"), nodeID: try row.textOrNil("node_id"))
    }
}
