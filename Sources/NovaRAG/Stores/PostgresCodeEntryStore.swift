import Logging
import NIOCore
import NovaCore
import PostgresNIO
import RAGCore
import ServiceKit

/// The semantic code cache in PostgreSQL (`DATABASE_URL`): vectors as Float32 `bytea`, searched in memory.
struct PostgresCodeEntryStore: CodeEntryStore {
    private let client: PostgresClient
    private let logger: Logger

    /// nova-rag's migrations (code entries, then documentation chunks), recorded in `nova_rag_schema_migrations`.
    static let migrator = PostgresMigrator(
        table: "nova_rag_schema_migrations",
        migrations: [.init(version: 1, statements: RAGSchema.codeEntriesPostgres), .init(version: 2, statements: RAGSchema.docChunksPostgres)])

    /// Opens the store, applying migrations; the client must be running.
    static func open(client: PostgresClient, logger: Logger) async throws -> PostgresCodeEntryStore {
        try await migrator.migrate(client, logger: logger)
        return PostgresCodeEntryStore(client: client, logger: logger)
    }

    func recordedModel() async throws -> EmbeddingModelInfo? {
        var values: [String: String] = [:]
        let rows = try await client.query("SELECT key, value FROM store_meta", logger: logger)
        for try await (key, value) in rows.decode((String, String).self) { values[key] = value }
        guard let name = values["embedding_model"], let dimension = values["embedding_dimension"].flatMap({ Int($0) }) else { return nil }
        return EmbeddingModelInfo(name: name, dimension: dimension, text: values["embedding_text"] ?? SearchText.legacyEmbeddedForm)
    }

    func recordModel(_ model: EmbeddingModelInfo) async throws {
        try await client.withTransaction(logger: logger) { connection in
            try await Self.writeModel(model, connection: connection, logger: logger)
        }
    }

    func forEachEntry(_ visit: (StoredCodeEntry) throws -> Void) async throws -> Int {
        let rows = try await client.query("SELECT \(unescaped: CodeEntryRow.columns) FROM code_entries ORDER BY seq", logger: logger)
        var count = 0
        for try await row in rows {
            try visit(try Self.stored(row))
            count += 1
        }
        return count
    }

    func count() async throws -> Int {
        let rows = try await client.query("SELECT COUNT(*) FROM code_entries", logger: logger)
        for try await count in rows.decode(Int.self) { return count }
        return 0
    }

    func load(id: String) async throws -> StoredCodeEntry? {
        let rows = try await client.query("SELECT \(unescaped: CodeEntryRow.columns) FROM code_entries WHERE id = \(id)", logger: logger)
        for try await row in rows { return try Self.stored(row) }
        return nil
    }

    private static func stored(_ row: PostgresRow) throws -> StoredCodeEntry {
        let columns = row.makeRandomAccess()
        let entry = CodeEntryRow.entry(
            id: try columns["id"].decode(String.self), workflowID: try columns["workflow_id"].decode(Int?.self),
            nodeAction: try columns["node_action"].decode(String.self), nodeDescription: try columns["node_description"].decode(String.self),
            aiDescription: try columns["ai_description"].decode(String.self), code: try columns["code"].decode(String.self),
            inputSchema: try columns["input_schema"].decode(String.self), insights: try columns["insights"].decode(String.self),
            config: try columns["config"].decode(String.self), extraMetadata: try columns["extra_metadata"].decode(String.self),
            librariesUsed: try columns["libraries_used"].decode(String.self), requiredKeys: try columns["required_keys"].decode(String.self),
            successCount: try columns["success_count"].decode(Int.self), failureCount: try columns["failure_count"].decode(Int.self),
            createdAt: try columns["created_at"].decode(String.self), lastUsedAt: try columns["last_used_at"].decode(String?.self))
        let blob = try columns["vector"].decode(ByteBuffer.self)
        return StoredCodeEntry(entry: entry, vector: VectorBytes.decode(blob.readableBytesView))
    }

    func insert(_ batch: [StoredCodeEntry], at now: String) async throws -> [InsertOutcome] {
        try await client.withTransaction(logger: logger) { connection in
            var outcomes: [InsertOutcome] = []
            for stored in batch {
                outcomes.append(try await Self.insert(stored.entry, vector: stored.vector, at: now, connection: connection, logger: logger))
            }
            let change: CodeEntryChange =
                switch (batch.count, outcomes.first) {
                case (1, .merged(let id, _, _)?): .upserted(id)
                case (1, _): .upserted(batch[0].entry.id)
                default: .reload
                }
            try await Self.notify(change, connection: connection, logger: logger)
            return outcomes
        }
    }

    private static func insert(
        _ entry: CodeEntry, vector: [Float], at now: String, connection: PostgresConnection, logger: Logger
    ) async throws -> InsertOutcome {
        let texts = entry.texts
        let blob = ByteBuffer(bytes: VectorBytes.encode(vector))
        let rows = try await connection.query(
            """
            INSERT INTO code_entries (\(unescaped: CodeEntryRow.columns)) VALUES (\(entry.id), \(entry.dedupKey), \(entry.workflowID),
                \(entry.nodeAction), \(entry.nodeDescription), \(entry.aiDescription), \(entry.code), \(texts.inputSchema), \(texts.insights),
                \(texts.config), \(texts.extraMetadata), \(texts.librariesUsed), \(texts.requiredKeys), \(entry.successCount), 0, \(entry.createdAt),
                NULL, \(blob))
            ON CONFLICT (dedup_key) DO UPDATE SET success_count = code_entries.success_count + EXCLUDED.success_count, last_used_at = \(now)
            RETURNING id, success_count, last_used_at
            """, logger: logger)
        for try await (id, successCount, lastUsedAt) in rows.decode((String, Int, String?).self) {
            return id == entry.id ? .inserted : .merged(id: id, successCount: successCount, lastUsedAt: lastUsedAt ?? now)
        }
        throw StartupError("INSERT … RETURNING returned no row")
    }

    func recordResult(id: String, success: Bool, at time: String) async throws -> (successCount: Int, failureCount: Int)? {
        let column = success ? "success_count" : "failure_count"
        return try await client.withTransaction(logger: logger) { connection in
            let rows = try await connection.query(
                "UPDATE code_entries SET \(unescaped: column) = \(unescaped: column) + 1, last_used_at = \(time) WHERE id = \(id) RETURNING success_count, failure_count",
                logger: logger)
            var counts: (successCount: Int, failureCount: Int)?
            for try await (successCount, failureCount) in rows.decode((Int, Int).self) { counts = (successCount, failureCount) }
            if counts != nil { try await Self.notify(.upserted(id), connection: connection, logger: logger) }
            return counts
        }
    }

    func delete(id: String) async throws -> Bool {
        try await client.withTransaction(logger: logger) { connection in
            var deleted = false
            for try await _ in try await connection.query("DELETE FROM code_entries WHERE id = \(id) RETURNING id", logger: logger) { deleted = true }
            if deleted { try await Self.notify(.deleted(id), connection: connection, logger: logger) }
            return deleted
        }
    }

    func deleteAll() async throws -> Int {
        try await client.withTransaction(logger: logger) { connection in
            var count = 0
            for try await _ in try await connection.query("DELETE FROM code_entries RETURNING id", logger: logger) { count += 1 }
            try await Self.notify(.cleared, connection: connection, logger: logger)
            return count
        }
    }

    func replaceVectors(_ vectors: [String: [Float]], model: EmbeddingModelInfo) async throws {
        try await client.withTransaction(logger: logger) { connection in
            for (id, vector) in vectors {
                let blob = ByteBuffer(bytes: VectorBytes.encode(vector))
                try await connection.query("UPDATE code_entries SET vector = \(blob) WHERE id = \(id)", logger: logger)
            }
            try await Self.writeModel(model, connection: connection, logger: logger)
            try await Self.notify(.reload, connection: connection, logger: logger)
        }
    }

    /// The channel on which every write is announced to the other replicas, delivered when its transaction commits.
    static let changeChannel = "nova_rag_code_entries"

    private static func notify(_ change: CodeEntryChange, connection: PostgresConnection, logger: Logger) async throws {
        try await connection.query("SELECT pg_notify(\(changeChannel), \(change.payload))", logger: logger)
    }

    private static func writeModel(_ model: EmbeddingModelInfo, connection: PostgresConnection, logger: Logger) async throws {
        try await connection.query(
            """
            INSERT INTO store_meta (key, value)
            VALUES ('embedding_model', \(model.name)), ('embedding_dimension', \(String(model.dimension))), ('embedding_text', \(model.text))
            ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value
            """, logger: logger)
    }
}
