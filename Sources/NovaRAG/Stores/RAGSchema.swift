import NovaStorage

/// nova-rag's tables: the one migration set, written once for SQLite and PostgreSQL with the placeholders of
/// ``SQLDialect/schema(_:)``. Vectors are little-endian Float32 byte strings (``VectorBytes``); `{{insertion_order}}`
/// gives PostgreSQL the `seq` column SQLite's `rowid` already is, so both load entries in insertion order.
enum RAGSchema {
    /// Every migration, oldest first. Append; never edit a released one.
    static let migrations = [
        SQLMigration(version: 1, name: "code_entries", statements: codeEntries),
        SQLMigration(version: 2, name: "doc_chunks", statements: docChunks),
        SQLMigration(version: 3, name: "hit_outcomes", statements: hitOutcomes),
    ]

    /// The semantic code cache and the model its vectors were made with.
    private static let codeEntries = [
        """
        CREATE TABLE code_entries (
            {{insertion_order}}
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
            vector {{blob}} NOT NULL
        )
        """,
        "CREATE TABLE store_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    ]

    /// The documentation files and chunks (`/rag/*`).
    private static let docChunks = [
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
            vector {{blob}} NOT NULL
        )
        """,
        "CREATE INDEX doc_chunks_file ON doc_chunks (file, chunk_index)",
    ]

    /// Verified outcomes of semantic-cache candidates per entry, guard verdict (0/1) and similarity bucket (hundredths),
    /// read by the error-rate bound (``HitBound``); `workflow_id` is the entry's, so a workflow's outcomes pool.
    private static let hitOutcomes = [
        """
        CREATE TABLE hit_outcomes (
            entry_id TEXT NOT NULL,
            workflow_id BIGINT,
            guard_conflict BIGINT NOT NULL,
            bucket BIGINT NOT NULL,
            confirmed BIGINT NOT NULL DEFAULT 0,
            rejected BIGINT NOT NULL DEFAULT 0,
            served BIGINT NOT NULL DEFAULT 0,
            failed BIGINT NOT NULL DEFAULT 0,
            PRIMARY KEY (entry_id, guard_conflict, bucket)
        )
        """,
        "CREATE INDEX hit_outcomes_workflow ON hit_outcomes (workflow_id, guard_conflict)",
    ]
}
