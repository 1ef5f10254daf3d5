import GRDB

/// nova-rag's SQLite migrations, shared by every store on the file (the PostgreSQL ones are
/// `PostgresCodeEntryStore.migrator`).
enum RAGMigrations {
    /// Every migration, in order; applying it again is a no-op.
    static var sqlite: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("1_code_entries") { db in
            try db.execute(sql: RAGSchema.codeEntriesSQLite)
        }
        migrator.registerMigration("2_doc_chunks") { db in
            try db.execute(sql: RAGSchema.docChunksSQLite)
        }
        return migrator
    }
}
