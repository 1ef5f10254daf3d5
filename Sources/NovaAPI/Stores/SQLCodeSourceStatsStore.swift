import NovaCore

/// ``CodeSourceStatsStore`` in SQL (`code_source_stats`, one row per code source, incremented in place).
struct SQLCodeSourceStatsStore: CodeSourceStatsStore {
    let db: any SQLExecutor

    func record(_ event: CodeSourceEvent) async throws {
        _ = try await db.write(
            """
            INSERT INTO code_source_stats (code_source, nodes, tokens_input, tokens_output, cost_usd, tokens_saved, cost_saved_usd)
            VALUES (?, 1, ?, ?, ?, ?, ?)
            ON CONFLICT (code_source) DO UPDATE SET nodes = code_source_stats.nodes + 1,
                tokens_input = code_source_stats.tokens_input + excluded.tokens_input,
                tokens_output = code_source_stats.tokens_output + excluded.tokens_output,
                cost_usd = code_source_stats.cost_usd + excluded.cost_usd, tokens_saved = code_source_stats.tokens_saved + excluded.tokens_saved,
                cost_saved_usd = code_source_stats.cost_saved_usd + excluded.cost_saved_usd
            """,
            [event.source.rawValue, event.tokensInput, event.tokensOutput, event.costUSD, event.tokensSaved, event.costSavedUSD])
    }

    func totals() async throws -> CodeSourceTotals {
        let rows = try await db.read(
            "SELECT code_source, nodes, tokens_input, tokens_output, cost_usd, tokens_saved, cost_saved_usd FROM code_source_stats", [])
        var totals = CodeSourceTotals()
        for row in rows {
            guard let source = CodeSource(rawValue: try row.text("code_source")) else { continue }
            totals.bySource[source] = CodeSourceTotals.Counts(
                nodes: try row.int("nodes"), tokensInput: try row.int("tokens_input"), tokensOutput: try row.int("tokens_output"),
                costUSD: try row.double("cost_usd"), tokensSaved: try row.int("tokens_saved"), costSavedUSD: try row.double("cost_saved_usd"))
        }
        return totals
    }
}
