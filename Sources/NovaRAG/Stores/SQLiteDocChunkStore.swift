import Foundation
import GRDB
import NovaCore
import RAGCore

/// The documentation chunks in the embedded SQLite file, vectors as Float32 blobs.
struct SQLiteDocChunkStore: DocChunkStore {
    private let pool: DatabasePool

    private init(pool: DatabasePool) {
        self.pool = pool
    }

    /// Opens the store on `pool`, applying nova-rag's migrations without blocking a thread of the cooperative pool:
    /// a blocking migration waits for every reader of the pool, and an async reader needs such a thread to finish.
    static func open(pool: DatabasePool) async throws -> SQLiteDocChunkStore {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            RAGMigrations.sqlite.asyncMigrate(pool) { result in continuation.resume(with: result.map { _ in () }) }
        }
        return SQLiteDocChunkStore(pool: pool)
    }

    func loadAll() async throws -> DocStoreContents {
        try await pool.read { db in
            let files = try Row.fetchAll(db, sql: "SELECT \(DocChunkRow.fileColumns) FROM doc_files ORDER BY file").map { row in
                DocFileRecord(
                    file: row["file"], contentHash: row["content_hash"], chunking: row["chunking"], model: row["model"], source: row["source"],
                    topic: row["topic"])
            }
            let chunks = try Row.fetchAll(db, sql: "SELECT \(DocChunkRow.chunkColumns) FROM doc_chunks ORDER BY file, chunk_index").map { row in
                let chunk = DocChunk(
                    id: row["id"], file: row["file"], headingPath: DocChunkRow.decode(headingPath: row["heading_path"]), source: row["source"],
                    topic: row["topic"], index: row["chunk_index"], text: row["text"], contentHash: row["content_hash"])
                let blob: Data = row["vector"]
                return StoredDocChunk(chunk: chunk, model: row["model"], vector: VectorBytes.decode(blob))
            }
            return DocStoreContents(files: files, chunks: chunks)
        }
    }

    func apply(_ update: DocStoreUpdate) async throws {
        try await pool.write { db in
            for file in DocChunkRow.replacedFiles(update) {
                try db.execute(sql: "DELETE FROM doc_chunks WHERE file = ?", arguments: [file])
                try db.execute(sql: "DELETE FROM doc_files WHERE file = ?", arguments: [file])
            }
            for record in update.files {
                try db.execute(
                    sql: "INSERT INTO doc_files (\(DocChunkRow.fileColumns)) VALUES (?, ?, ?, ?, ?, ?)",
                    arguments: [record.file, record.contentHash, record.chunking, record.model, record.source, record.topic])
            }
            for stored in update.chunks {
                let chunk = stored.chunk
                try db.execute(
                    sql: "INSERT INTO doc_chunks (\(DocChunkRow.chunkColumns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    arguments: [
                        chunk.id, chunk.file, chunk.index, DocChunkRow.encode(headingPath: chunk.headingPath), chunk.source, chunk.topic, chunk.text,
                        chunk.contentHash, stored.model, Data(VectorBytes.encode(stored.vector)),
                    ])
            }
        }
    }
}
