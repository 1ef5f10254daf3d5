/// What is recorded about one indexed file: a file whose record differs from the one a new read produces
/// (content, chunking rules, embedding model or metadata) is re-chunked.
package struct DocFileRecord: Sendable, Equatable {
    /// Path relative to its knowledge folder.
    package let file: String
    /// SHA-256 (hex) of the file's text.
    package let contentHash: String
    /// ``MarkdownChunker/version`` of the rules that cut it.
    package let chunking: String
    /// The embedder's model name for its vectors.
    package let model: String
    /// Its chunks' `source`.
    package let source: String
    /// Its chunks' `topic`.
    package let topic: String

    /// Creates the record.
    package init(file: String, contentHash: String, chunking: String, model: String, source: String, topic: String) {
        self.file = file
        self.contentHash = contentHash
        self.chunking = chunking
        self.model = model
        self.source = source
        self.topic = topic
    }
}

/// A chunk with the vector it was embedded to.
package struct StoredDocChunk: Sendable, Equatable {
    /// The chunk.
    package let chunk: DocChunk
    /// The embedder's model name.
    package let model: String
    /// Its unit vector.
    package let vector: [Float]

    /// Pairs a chunk with its vector.
    package init(chunk: DocChunk, model: String, vector: [Float]) {
        self.chunk = chunk
        self.model = model
        self.vector = vector
    }
}

/// Everything a documentation store holds.
package struct DocStoreContents: Sendable {
    /// One record per indexed file.
    package var files: [DocFileRecord]
    /// Every chunk, by file and position.
    package var chunks: [StoredDocChunk]

    /// Creates the contents.
    package init(files: [DocFileRecord] = [], chunks: [StoredDocChunk] = []) {
        self.files = files
        self.chunks = chunks
    }
}

/// One change of the documentation store, applied in a single transaction: the files named in `replacing` or in
/// `files` lose their record and chunks, then `files` and `chunks` are written.
package struct DocStoreUpdate: Sendable {
    /// Files changed or removed since the last load.
    package var replacing: [String]
    /// Records of the files added or changed.
    package var files: [DocFileRecord]
    /// Chunks of the files added or changed.
    package var chunks: [StoredDocChunk]

    /// Creates the update.
    package init(replacing: [String], files: [DocFileRecord], chunks: [StoredDocChunk]) {
        self.replacing = replacing
        self.files = files
        self.chunks = chunks
    }

    /// Whether it changes nothing.
    package var isEmpty: Bool { replacing.isEmpty && files.isEmpty && chunks.isEmpty }
}

/// Durable storage of the documentation chunks and their vectors. Every method returns once its write is durable.
package protocol DocChunkStore: Sendable {
    /// Every file record and chunk.
    func loadAll() async throws -> DocStoreContents
    /// Applies `update` atomically.
    func apply(_ update: DocStoreUpdate) async throws
}
