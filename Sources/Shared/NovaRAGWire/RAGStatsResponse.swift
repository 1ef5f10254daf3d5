/// `GET /rag/stats` answer (docs/api.md §2.5) plus counts per source and the last load.
package struct RAGStatsResponse: Codable, Sendable, Equatable {
    /// Chunks in the index.
    package var totalDocuments: Int
    /// Sorted distinct sources.
    package var sources: [String]
    /// Sorted distinct topics.
    package var topics: [String]
    /// `ready`, or `loading` until the first load finished.
    package var status: String
    /// Extension: chunks per source.
    package var documentsPerSource: [String: Int]
    /// Extension: files with at least one chunk.
    package var files: Int
    /// Extension: the embedder's model name.
    package var embeddingModel: String
    /// Extension: what the last load or reload did; null before the first one finished.
    package var lastReload: RAGReloadResponse?

    /// Creates the answer.
    package init(
        totalDocuments: Int, sources: [String], topics: [String], ready: Bool, documentsPerSource: [String: Int], files: Int, embeddingModel: String,
        lastReload: RAGReloadResponse?
    ) {
        self.totalDocuments = totalDocuments
        self.sources = sources
        self.topics = topics
        self.status = ready ? "ready" : "loading"
        self.documentsPerSource = documentsPerSource
        self.files = files
        self.embeddingModel = embeddingModel
        self.lastReload = lastReload
    }

    enum CodingKeys: String, CodingKey {
        case sources, topics, status, files
        case totalDocuments = "total_documents"
        case documentsPerSource = "documents_per_source"
        case embeddingModel = "embedding_model"
        case lastReload = "last_reload"
    }

    /// Encodes `last_reload` as null when absent.
    package func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(totalDocuments, forKey: .totalDocuments)
        try container.encode(sources, forKey: .sources)
        try container.encode(topics, forKey: .topics)
        try container.encode(status, forKey: .status)
        try container.encode(documentsPerSource, forKey: .documentsPerSource)
        try container.encode(files, forKey: .files)
        try container.encode(embeddingModel, forKey: .embeddingModel)
        try container.encode(lastReload, forKey: .lastReload)
    }
}
