import Foundation
import NovaCore
import NovaStorage
import RAGCore

/// The documentation files and chunks in SQL (`doc_files`, `doc_chunks`), written once for SQLite and PostgreSQL;
/// vectors are Float32 byte strings.
struct SQLDocChunkStore: DocChunkStore {
    let db: any SQLExecutor

    /// Replicas on one PostgreSQL database that reload together apply their updates one after the other under this
    /// advisory lock (SQLite has one writer at a time already).
    private static let updateLock = 0x6e6f_7661_646f_6373

    /// Both tables read in one transaction, so the records and chunks are of the same update.
    func loadAll() async throws -> DocStoreContents {
        let results = try await db.transaction([
            SQLStatement("SELECT \(DocChunkRow.fileColumns) FROM doc_files ORDER BY file", []),
            SQLStatement("SELECT \(DocChunkRow.chunkColumns) FROM doc_chunks ORDER BY file, chunk_index", []),
        ])
        return DocStoreContents(files: try results[0].map(DocChunkRow.file), chunks: try results[1].map(DocChunkRow.chunk))
    }

    func apply(_ update: DocStoreUpdate) async throws {
        var statements = db.dialect == .postgres ? [SQLStatement("SELECT pg_advisory_xact_lock(?)", [Self.updateLock])] : []
        for file in DocChunkRow.replacedFiles(update) {
            statements.append(SQLStatement("DELETE FROM doc_chunks WHERE file = ?", [file]))
            statements.append(SQLStatement("DELETE FROM doc_files WHERE file = ?", [file]))
        }
        for record in update.files {
            statements.append(
                SQLStatement(
                    "INSERT INTO doc_files (\(DocChunkRow.fileColumns)) VALUES (?, ?, ?, ?, ?, ?)",
                    [record.file, record.contentHash, record.chunking, record.model, record.source, record.topic]))
        }
        for stored in update.chunks {
            let chunk = stored.chunk
            statements.append(
                SQLStatement(
                    "INSERT INTO doc_chunks (\(DocChunkRow.chunkColumns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [
                        chunk.id, chunk.file, chunk.index, DocChunkRow.encode(headingPath: chunk.headingPath), chunk.source, chunk.topic, chunk.text,
                        chunk.contentHash, stored.model, Data(VectorBytes.encode(stored.vector)),
                    ]))
        }
        _ = try await db.transaction(statements)
    }
}
