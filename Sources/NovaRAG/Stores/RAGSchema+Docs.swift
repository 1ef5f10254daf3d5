extension RAGSchema {
    /// Version 2, SQLite: the documentation files and chunks (`/rag/*`).
    static let docChunksSQLite = """
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

    /// Version 2, PostgreSQL: the same tables.
    static let docChunksPostgres = [
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
}
