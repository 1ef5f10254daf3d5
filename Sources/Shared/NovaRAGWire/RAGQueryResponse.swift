/// `POST /rag/query` answer (docs/api.md §2.4) plus chunk ids and positions, so callers can cite what they used.
package struct RAGQueryResponse: Codable, Sendable, Equatable {
    /// One chunk found.
    package struct Result: Codable, Sendable, Equatable {
        /// `"<heading path>\n\n<chunk text>"`.
        package var text: String
        /// The file's source (`imap`, `nova`, …).
        package var source: String
        /// The file's topic.
        package var topic: String
        /// `max(0, 2·cos − 1)`, not rounded: 1 for the same text, 0 at cosine ≤ 0.5; higher is closer.
        package var score: Double
        /// Extension: stable chunk id, `doc_<16 hex>`.
        package var id: String
        /// Extension: file relative to its knowledge folder.
        package var file: String
        /// Extension: enclosing headings, outermost first.
        package var headingPath: [String]
        /// Extension: position of the chunk in its file, from 0.
        package var chunkIndex: Int

        /// Creates a result.
        package init(text: String, source: String, topic: String, score: Double, id: String, file: String, headingPath: [String], chunkIndex: Int) {
            self.text = text
            self.source = source
            self.topic = topic
            self.score = score
            self.id = id
            self.file = file
            self.headingPath = headingPath
            self.chunkIndex = chunkIndex
        }

        enum CodingKeys: String, CodingKey {
            case text, source, topic, score, id, file
            case headingPath = "heading_path"
            case chunkIndex = "chunk_index"
        }
    }

    /// Best first, at most `top_k`, near-duplicates removed.
    package var results: [Result]
    /// The request's query.
    package var query: String
    /// `results.count`.
    package var count: Int
    /// Extension: candidates left out because they repeat a better result (same text, or cosine ≥ 0.98).
    package var duplicatesRemoved: Int
    /// Extension: what `score` is: always `rescaled_cosine`, `max(0, 2·cos − 1)` in [0, 1], higher is closer.
    package var scoreType = "rescaled_cosine"

    /// Creates the answer.
    package init(results: [Result], query: String, duplicatesRemoved: Int) {
        self.results = results
        self.query = query
        self.count = results.count
        self.duplicatesRemoved = duplicatesRemoved
    }

    enum CodingKeys: String, CodingKey {
        case results, query, count
        case duplicatesRemoved = "duplicates_removed"
        case scoreType = "score_type"
    }
}
