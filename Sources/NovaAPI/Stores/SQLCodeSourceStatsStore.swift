import NovaCore
import NovaStorage

/// ``CodeSourceStatsStore`` in SQL: `code_source_stats` (one row per code source) and `code_source_daily` (one row
/// per UTC day and code source), both incremented in place in one transaction.
struct SQLCodeSourceStatsStore: CodeSourceStatsStore {
    let db: any SQLExecutor

    private static let sums = "nodes, tokens_input, tokens_output, cost_usd, tokens_saved, cost_saved_usd"

    /// The upsert that adds one event to `table`, whose key is `key`.
    private static func increment(_ table: String, key: String) -> String {
        """
        INSERT INTO \(table) (\(key), \(sums)) VALUES (\(key.split(separator: ",").map { _ in "?" }.joined(separator: ", ")), 1, ?, ?, ?, ?, ?)
        ON CONFLICT (\(key)) DO UPDATE SET nodes = \(table).nodes + 1,
            tokens_input = \(table).tokens_input + excluded.tokens_input, tokens_output = \(table).tokens_output + excluded.tokens_output,
            cost_usd = \(table).cost_usd + excluded.cost_usd, tokens_saved = \(table).tokens_saved + excluded.tokens_saved,
            cost_saved_usd = \(table).cost_saved_usd + excluded.cost_saved_usd
        """
    }

    func record(_ event: CodeSourceEvent) async throws {
        let figures: [any SQLConvertible] = [event.tokensInput, event.tokensOutput, event.costUSD, event.tokensSaved, event.costSavedUSD]
        _ = try await db.transaction([
            SQLStatement(Self.increment("code_source_stats", key: "code_source"), [event.source.rawValue] + figures),
            SQLStatement(Self.increment("code_source_daily", key: "day, code_source"), [event.day, event.source.rawValue] + figures),
        ])
    }

    func totals() async throws -> CodeSourceTotals {
        var totals = CodeSourceTotals()
        for row in try await db.read("SELECT code_source, \(Self.sums) FROM code_source_stats", []) {
            guard let source = CodeSource(rawValue: try row.text("code_source")) else { continue }
            totals.bySource[source] = try Self.counts(row)
        }
        return totals
    }

    func daily(since firstDay: Int) async throws -> [Int: CodeSourceTotals] {
        var days: [Int: CodeSourceTotals] = [:]
        for row in try await db.read("SELECT day, code_source, \(Self.sums) FROM code_source_daily WHERE day >= ?", [firstDay]) {
            guard let source = CodeSource(rawValue: try row.text("code_source")) else { continue }
            days[try row.int("day"), default: CodeSourceTotals()].bySource[source] = try Self.counts(row)
        }
        return days
    }

    private static func counts(_ row: SQLRow) throws -> CodeSourceTotals.Counts {
        CodeSourceTotals.Counts(
            nodes: try row.int("nodes"), tokensInput: try row.int("tokens_input"), tokensOutput: try row.int("tokens_output"),
            costUSD: try row.double("cost_usd"), tokensSaved: try row.int("tokens_saved"), costSavedUSD: try row.double("cost_saved_usd"))
    }
}
