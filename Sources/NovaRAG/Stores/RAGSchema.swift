/// nova-rag's tables, the same logical schema in SQLite and PostgreSQL.
enum RAGSchema {
    /// Version 1, SQLite: code entries and store metadata.
    static let codeEntriesSQLite = """
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

    /// Version 1, PostgreSQL: the same tables; `seq` keeps insertion order.
    static let codeEntriesPostgres = [
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
}
