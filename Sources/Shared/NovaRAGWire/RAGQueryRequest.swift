/// `POST /rag/query` body (docs/api.md §2.4) as nova sends it.
package struct RAGQueryRequest: Codable, Sendable, Equatable {
    /// The question, e.g. a node's prompt.
    package var query: String
    /// How many chunks, 1...20.
    package var topK: Int
    /// Exact-match filters on `source` and `topic`; nil for none.
    package var filters: [String: String]?

    /// Creates the body.
    package init(query: String, topK: Int, filters: [String: String]? = nil) {
        self.query = query
        self.topK = topK
        self.filters = filters
    }

    enum CodingKeys: String, CodingKey {
        case query, filters
        case topK = "top_k"
    }
}
