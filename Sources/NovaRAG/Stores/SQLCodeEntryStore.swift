import Foundation
import NovaCore
import NovaStorage
import RAGCore

/// The semantic code cache in SQL (`code_entries`, `store_meta`), written once for SQLite and PostgreSQL; vectors are
/// Float32 byte strings, searched in memory. Every write is one transaction; on PostgreSQL it also announces its
/// change to the other replicas (``PostgresChangeFeed``), delivered when it commits.
struct SQLCodeEntryStore: CodeEntryStore {
    let db: any SQLExecutor

    func recordedModel() async throws -> EmbeddingModelInfo? {
        var values: [String: String] = [:]
        for row in try await db.read("SELECT key, value FROM store_meta", []) { values[try row.text("key")] = try row.text("value") }
        guard let name = values["embedding_model"], let dimension = values["embedding_dimension"].flatMap({ Int($0) }) else { return nil }
        return EmbeddingModelInfo(name: name, dimension: dimension, text: values["embedding_text"] ?? SearchText.legacyEmbeddedForm)
    }

    func recordModel(_ model: EmbeddingModelInfo) async throws {
        _ = try await db.transaction([Self.writeModel(model)])
    }

    func forEachEntry(_ visit: (StoredCodeEntry) throws -> Void) async throws -> Int {
        try await db.forEachRow(inInsertionOrderOf: "code_entries", columns: CodeEntryRow.columns) { row in try visit(try CodeEntryRow.stored(row)) }
    }

    func count() async throws -> Int {
        try await db.read("SELECT COUNT(*) AS n FROM code_entries", [])[0].int("n")
    }

    func load(id: String) async throws -> StoredCodeEntry? {
        try await db.read("SELECT \(CodeEntryRow.columns) FROM code_entries WHERE id = ?", [id]).first.map(CodeEntryRow.stored)
    }

    func insert(_ batch: [StoredCodeEntry], at now: String) async throws -> [InsertOutcome] {
        let inserts = batch.map { Self.insertOrMerge($0, at: now) }
        let change = batch.count == 1 ? announcing(CodeEntryChange.upserted, idReturnedBy: 0) : announcing(.reload)
        let results = try await db.transaction(inserts + change)
        return try zip(batch, results).map { stored, rows -> InsertOutcome in
            let id = try rows[0].text("id")
            if id == stored.entry.id { return .inserted }
            return .merged(id: id, successCount: try rows[0].int("success_count"), lastUsedAt: try rows[0].textOrNil("last_used_at") ?? now)
        }
    }

    /// Inserts `stored`, or counts its successes on the entry with the same ``CodeEntry/dedupKey``; returns the id,
    /// success count and last use of the entry written.
    private static func insertOrMerge(_ stored: StoredCodeEntry, at now: String) -> SQLStatement {
        let entry = stored.entry
        let texts = entry.texts
        return SQLStatement(
            """
            INSERT INTO code_entries (\(CodeEntryRow.columns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, NULL, ?)
            ON CONFLICT (dedup_key) DO UPDATE SET success_count = code_entries.success_count + excluded.success_count, last_used_at = ?
            RETURNING id, success_count, last_used_at
            """,
            [
                entry.id, entry.dedupKey, entry.workflowID, entry.nodeAction, entry.nodeDescription, entry.aiDescription, entry.code,
                texts.inputSchema, texts.insights, texts.config, texts.extraMetadata, texts.librariesUsed, texts.requiredKeys, entry.successCount,
                entry.createdAt, Data(VectorBytes.encode(stored.vector)), now,
            ])
    }

    func recordResult(id: String, success: Bool, at time: String) async throws -> (successCount: Int, failureCount: Int)? {
        let column = success ? "success_count" : "failure_count"
        let update = SQLStatement(
            "UPDATE code_entries SET \(column) = \(column) + 1, last_used_at = ? WHERE id = ? RETURNING id, success_count, failure_count", [time, id])
        do {
            let results = try await db.transaction([update] + announcing(CodeEntryChange.upserted, idReturnedBy: 0))
            return try results[0].first.map { row in (successCount: try row.int("success_count"), failureCount: try row.int("failure_count")) }
        } catch is SQLStatementMatchedNothing {
            return nil
        }
    }

    func delete(id: String) async throws -> Bool {
        let delete = SQLStatement("DELETE FROM code_entries WHERE id = ? RETURNING id", [id])
        do {
            return try await !db.transaction([delete] + announcing(CodeEntryChange.deleted, idReturnedBy: 0))[0].isEmpty
        } catch is SQLStatementMatchedNothing {
            return false
        }
    }

    func deleteAll() async throws -> Int {
        try await db.transaction([SQLStatement("DELETE FROM code_entries RETURNING id", [])] + announcing(.cleared))[0].count
    }

    func replaceVectors(_ vectors: [String: [Float]], model: EmbeddingModelInfo) async throws {
        let updates = vectors.map { id, vector in
            SQLStatement("UPDATE code_entries SET vector = ? WHERE id = ?", [Data(VectorBytes.encode(vector)), id])
        }
        _ = try await db.transaction(updates + [Self.writeModel(model)] + announcing(.reload))
    }

    private static func writeModel(_ model: EmbeddingModelInfo) -> SQLStatement {
        SQLStatement(
            "INSERT INTO store_meta (key, value) VALUES ('embedding_model', ?), ('embedding_dimension', ?), ('embedding_text', ?) "
                + "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [model.name, String(model.dimension), model.text])
    }

    /// The statement that tells the other replicas about `change`: none on SQLite, whose file one process serves.
    private func announcing(_ change: CodeEntryChange) -> [SQLStatement] {
        db.dialect == .postgres ? [PostgresChangeFeed.announcement(change)] : []
    }

    /// The statement that tells the other replicas about the change `change` makes of the entry whose id statement
    /// `index` returned (none on SQLite); it rolls the transaction back when that statement returned no row.
    private func announcing(_ change: (String) -> CodeEntryChange, idReturnedBy index: Int) -> [SQLStatement] {
        db.dialect == .postgres ? [PostgresChangeFeed.announcement(change, idReturnedBy: index)] : []
    }
}
