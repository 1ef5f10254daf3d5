import Foundation
import GRDB
import NovaCore
import RAGCore

/// The semantic code cache in the embedded SQLite file (WAL, `synchronous=FULL`: a save is on disk when answered).
struct SQLiteCodeEntryStore: CodeEntryStore {
    private let pool: DatabasePool

    /// Opens the store on `pool`, applying its migrations.
    init(pool: DatabasePool) throws {
        self.pool = pool
        try RAGMigrations.sqlite.migrate(pool)
    }

    func recordedModel() async throws -> EmbeddingModelInfo? {
        try await pool.read { db in
            let name = try String.fetchOne(db, sql: "SELECT value FROM store_meta WHERE key = 'embedding_model'")
            let dimension = try String.fetchOne(db, sql: "SELECT value FROM store_meta WHERE key = 'embedding_dimension'").flatMap { Int($0) }
            let text = try String.fetchOne(db, sql: "SELECT value FROM store_meta WHERE key = 'embedding_text'")
            guard let name, let dimension else { return nil }
            return EmbeddingModelInfo(name: name, dimension: dimension, text: text ?? SearchText.legacyEmbeddedForm)
        }
    }

    func recordModel(_ model: EmbeddingModelInfo) async throws {
        try await pool.write { db in try Self.writeModel(model, db: db) }
    }

    /// Reads in pages of ``loadPageSize`` rows by rowid: only one page's rows are held at a time.
    func forEachEntry(_ visit: (StoredCodeEntry) throws -> Void) async throws -> Int {
        var count = 0
        var after: Int64 = 0
        while true {
            let page = try await pool.read { [after] db in
                try Row.fetchAll(
                    db, sql: "SELECT rowid AS position, \(CodeEntryRow.columns) FROM code_entries WHERE rowid > ? ORDER BY rowid LIMIT ?",
                    arguments: [after, Self.loadPageSize]
                ).map { (position: $0["position"] as Int64, stored: Self.stored($0)) }
            }
            for row in page { try visit(row.stored) }
            count += page.count
            guard let last = page.last, page.count == Self.loadPageSize else { return count }
            after = last.position
        }
    }

    func count() async throws -> Int {
        try await pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM code_entries") ?? 0 }
    }

    /// Rows read at once while loading.
    private static let loadPageSize = 1000

    func load(id: String) async throws -> StoredCodeEntry? {
        try await pool.read { db in
            try Row.fetchOne(db, sql: "SELECT \(CodeEntryRow.columns) FROM code_entries WHERE id = ?", arguments: [id]).map(Self.stored)
        }
    }

    private static func stored(_ row: Row) -> StoredCodeEntry {
        let entry = CodeEntryRow.entry(
            id: row["id"], workflowID: row["workflow_id"], nodeAction: row["node_action"], nodeDescription: row["node_description"],
            aiDescription: row["ai_description"], code: row["code"], inputSchema: row["input_schema"], insights: row["insights"],
            config: row["config"], extraMetadata: row["extra_metadata"], librariesUsed: row["libraries_used"], requiredKeys: row["required_keys"],
            successCount: row["success_count"], failureCount: row["failure_count"], createdAt: row["created_at"], lastUsedAt: row["last_used_at"])
        let blob: Data = row["vector"]
        return StoredCodeEntry(entry: entry, vector: VectorBytes.decode(blob))
    }

    func insert(_ batch: [StoredCodeEntry], at now: String) async throws -> [InsertOutcome] {
        try await pool.write { db in
            try batch.map { stored in try Self.insert(stored.entry, vector: stored.vector, at: now, db: db) }
        }
    }

    private static func insert(_ entry: CodeEntry, vector: [Float], at now: String, db: Database) throws -> InsertOutcome {
        let texts = entry.texts
        let returned = try Row.fetchOne(
            db,
            sql: """
                INSERT INTO code_entries (\(CodeEntryRow.columns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, NULL, ?)
                ON CONFLICT(dedup_key) DO UPDATE SET success_count = success_count + excluded.success_count, last_used_at = ?
                RETURNING id, success_count, last_used_at
                """,
            arguments: [
                entry.id, entry.dedupKey, entry.workflowID, entry.nodeAction, entry.nodeDescription, entry.aiDescription, entry.code,
                texts.inputSchema, texts.insights, texts.config, texts.extraMetadata, texts.librariesUsed, texts.requiredKeys, entry.successCount,
                entry.createdAt, Data(VectorBytes.encode(vector)), now,
            ])
        guard let returned else { throw DatabaseError(message: "INSERT … RETURNING returned no row") }
        let id: String = returned["id"]
        if id == entry.id { return .inserted }
        return .merged(id: id, successCount: returned["success_count"], lastUsedAt: returned["last_used_at"] ?? now)
    }

    func recordResult(id: String, success: Bool, at time: String) async throws -> (successCount: Int, failureCount: Int)? {
        let column = success ? "success_count" : "failure_count"
        return try await pool.write { db in
            let row = try Row.fetchOne(
                db, sql: "UPDATE code_entries SET \(column) = \(column) + 1, last_used_at = ? WHERE id = ? RETURNING success_count, failure_count",
                arguments: [time, id])
            return row.map { (successCount: $0["success_count"], failureCount: $0["failure_count"]) }
        }
    }

    func delete(id: String) async throws -> Bool {
        try await pool.write { db in
            try db.execute(sql: "DELETE FROM code_entries WHERE id = ?", arguments: [id])
            return db.changesCount > 0
        }
    }

    func deleteAll() async throws -> Int {
        try await pool.write { db in
            try db.execute(sql: "DELETE FROM code_entries")
            return db.changesCount
        }
    }

    func replaceVectors(_ vectors: [String: [Float]], model: EmbeddingModelInfo) async throws {
        try await pool.write { db in
            for (id, vector) in vectors {
                try db.execute(sql: "UPDATE code_entries SET vector = ? WHERE id = ?", arguments: [Data(VectorBytes.encode(vector)), id])
            }
            try Self.writeModel(model, db: db)
        }
    }

    private static func writeModel(_ model: EmbeddingModelInfo, db: Database) throws {
        try db.execute(
            sql: "INSERT INTO store_meta (key, value) VALUES ('embedding_model', ?), ('embedding_dimension', ?), ('embedding_text', ?) "
                + "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            arguments: [model.name, String(model.dimension), model.text])
    }
}
