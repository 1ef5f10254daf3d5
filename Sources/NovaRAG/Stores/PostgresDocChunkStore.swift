import Logging
import NIOCore
import NovaCore
import PostgresNIO
import RAGCore

/// The documentation chunks in PostgreSQL (`DATABASE_URL`), vectors as Float32 `bytea`. Updates hold an
/// advisory lock, so replicas reloading together apply their changes one after the other.
struct PostgresDocChunkStore: DocChunkStore {
    private let client: PostgresClient
    private let logger: Logger
    private static let updateLock: Int64 = 0x6e6f_7661_646f_6373

    /// Opens the store, applying nova-rag's migrations; the client must be running.
    static func open(client: PostgresClient, logger: Logger) async throws -> PostgresDocChunkStore {
        try await PostgresCodeEntryStore.migrator.migrate(client, logger: logger)
        return PostgresDocChunkStore(client: client, logger: logger)
    }

    func loadAll() async throws -> DocStoreContents {
        var contents = DocStoreContents()
        let files = try await client.query("SELECT \(unescaped: DocChunkRow.fileColumns) FROM doc_files ORDER BY file", logger: logger)
        for try await (file, hash, chunking, model, source, topic) in files.decode((String, String, String, String, String, String).self) {
            contents.files.append(DocFileRecord(file: file, contentHash: hash, chunking: chunking, model: model, source: source, topic: topic))
        }
        let rows = try await client.query("SELECT \(unescaped: DocChunkRow.chunkColumns) FROM doc_chunks ORDER BY file, chunk_index", logger: logger)
        for try await (id, file, index, path, source, topic, text, hash, model, blob) in rows.decode(
            (String, String, Int, String, String, String, String, String, String, ByteBuffer).self)
        {
            let chunk = DocChunk(
                id: id, file: file, headingPath: DocChunkRow.decode(headingPath: path), source: source, topic: topic, index: index, text: text,
                contentHash: hash)
            contents.chunks.append(StoredDocChunk(chunk: chunk, model: model, vector: VectorBytes.decode(blob.readableBytesView)))
        }
        return contents
    }

    func apply(_ update: DocStoreUpdate) async throws {
        try await client.withTransaction(logger: logger) { connection in
            try await connection.query("SELECT pg_advisory_xact_lock(\(Self.updateLock))", logger: logger)
            for file in DocChunkRow.replacedFiles(update) {
                try await connection.query("DELETE FROM doc_chunks WHERE file = \(file)", logger: logger)
                try await connection.query("DELETE FROM doc_files WHERE file = \(file)", logger: logger)
            }
            for record in update.files {
                try await connection.query(
                    """
                    INSERT INTO doc_files (\(unescaped: DocChunkRow.fileColumns))
                    VALUES (\(record.file), \(record.contentHash), \(record.chunking), \(record.model), \(record.source), \(record.topic))
                    """, logger: logger)
            }
            for stored in update.chunks {
                let chunk = stored.chunk
                try await connection.query(
                    """
                    INSERT INTO doc_chunks (\(unescaped: DocChunkRow.chunkColumns))
                    VALUES (\(chunk.id), \(chunk.file), \(chunk.index), \(DocChunkRow.encode(headingPath: chunk.headingPath)), \(chunk.source),
                        \(chunk.topic), \(chunk.text), \(chunk.contentHash), \(stored.model), \(ByteBuffer(bytes: VectorBytes.encode(stored.vector))))
                    """, logger: logger)
            }
        }
    }
}
