import Foundation
import GRDB
import Logging
import NovaStorage

/// nova-rag's DDL as its SQLite and PostgreSQL stores ran it up to commit 3277b0f, copied verbatim, and the way each
/// recorded it (GRDB's migrator with identifiers `1_code_entries`, `2_doc_chunks`; `nova_rag_schema_migrations` by
/// version): databases made so must open with today's stores and keep every row.
enum FormerRAGSchema {
    private static let codeEntriesSQLite = """
        CREATE TABLE code_entries (
            id TEXT PRIMARY KEY,
            dedup_key TEXT NOT NULL UNIQUE,
            workflow_id INTEGER,
            node_action TEXT NOT NULL,
            node_description TEXT NOT NULL,
            ai_description TEXT NOT NULL,
            code TEXT NOT NULL,
            input_schema TEXT NOT NULL,
            insights TEXT NOT NULL,
            config TEXT NOT NULL,
            extra_metadata TEXT NOT NULL,
            libraries_used TEXT NOT NULL,
            required_keys TEXT NOT NULL,
            success_count INTEGER NOT NULL,
            failure_count INTEGER NOT NULL DEFAULT 0,
            created_at TEXT NOT NULL,
            last_used_at TEXT,
            vector BLOB NOT NULL
        );
        CREATE TABLE store_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        """

    private static let codeEntriesPostgres = [
        """
        CREATE TABLE code_entries (
            seq BIGSERIAL,
            id TEXT PRIMARY KEY,
            dedup_key TEXT NOT NULL UNIQUE,
            workflow_id BIGINT,
            node_action TEXT NOT NULL,
            node_description TEXT NOT NULL,
            ai_description TEXT NOT NULL,
            code TEXT NOT NULL,
            input_schema TEXT NOT NULL,
            insights TEXT NOT NULL,
            config TEXT NOT NULL,
            extra_metadata TEXT NOT NULL,
            libraries_used TEXT NOT NULL,
            required_keys TEXT NOT NULL,
            success_count BIGINT NOT NULL,
            failure_count BIGINT NOT NULL DEFAULT 0,
            created_at TEXT NOT NULL,
            last_used_at TEXT,
            vector BYTEA NOT NULL
        )
        """,
        "CREATE TABLE store_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    ]

    private static let docChunksSQLite = """
        CREATE TABLE doc_files (
            file TEXT PRIMARY KEY,
            content_hash TEXT NOT NULL,
            chunking TEXT NOT NULL,
            model TEXT NOT NULL,
            source TEXT NOT NULL,
            topic TEXT NOT NULL
        );
        CREATE TABLE doc_chunks (
            id TEXT PRIMARY KEY,
            file TEXT NOT NULL,
            chunk_index INTEGER NOT NULL,
            heading_path TEXT NOT NULL,
            source TEXT NOT NULL,
            topic TEXT NOT NULL,
            text TEXT NOT NULL,
            content_hash TEXT NOT NULL,
            model TEXT NOT NULL,
            vector BLOB NOT NULL
        );
        CREATE INDEX doc_chunks_file ON doc_chunks (file, chunk_index);
        """

    private static let docChunksPostgres = [
        """
        CREATE TABLE doc_files (
            file TEXT PRIMARY KEY,
            content_hash TEXT NOT NULL,
            chunking TEXT NOT NULL,
            model TEXT NOT NULL,
            source TEXT NOT NULL,
            topic TEXT NOT NULL
        )
        """,
        """
        CREATE TABLE doc_chunks (
            id TEXT PRIMARY KEY,
            file TEXT NOT NULL,
            chunk_index BIGINT NOT NULL,
            heading_path TEXT NOT NULL,
            source TEXT NOT NULL,
            topic TEXT NOT NULL,
            text TEXT NOT NULL,
            content_hash TEXT NOT NULL,
            model TEXT NOT NULL,
            vector BYTEA NOT NULL
        )
        """,
        "CREATE INDEX doc_chunks_file ON doc_chunks (file, chunk_index)",
    ]

    /// Creates the former tables on `database` and records both migrations as applied, as the former stores did.
    static func create(on database: SQLDatabase, logger: Logger) async throws {
        switch database {
        case .sqlite(let pool):
            var migrator = DatabaseMigrator()
            migrator.registerMigration("1_code_entries") { db in try db.execute(sql: codeEntriesSQLite) }
            migrator.registerMigration("2_doc_chunks") { db in try db.execute(sql: docChunksSQLite) }
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                migrator.asyncMigrate(pool) { result in continuation.resume(with: result.map { _ in () }) }
            }
        case .postgres:
            let db = database.executor(logger: logger)
            _ = try await db.write(
                "CREATE TABLE IF NOT EXISTS nova_rag_schema_migrations (version INTEGER PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())",
                [])
            for (version, statements) in [(1, codeEntriesPostgres), (2, docChunksPostgres)] {
                for statement in statements { _ = try await db.write(statement, []) }
                _ = try await db.write("INSERT INTO nova_rag_schema_migrations (version) VALUES (?)", [version])
            }
        }
    }
}
