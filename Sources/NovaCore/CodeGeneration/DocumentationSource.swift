/// Documentation retrieval for the code generator (nova-rag's `/rag/query`, through nova's client): called once per
/// generation with the node's prompt; a failure means generating without snippets.
package protocol DocumentationSource: Sendable {
    /// The `limit` chunks closest to `query`, best first.
    func snippets(for query: String, limit: Int) async throws -> [DocSnippet]
}

/// One documentation chunk put into a generation prompt and cited in `ai_metadata.doc_chunks`.
package struct DocSnippet: Sendable, Equatable {
    /// Stable chunk id (`doc_<16 hex>`).
    package let id: String
    /// The file's source (`nova`, `pdfplumber`, …).
    package let source: String
    /// The file, relative to its knowledge folder.
    package let file: String
    /// Heading path and chunk text.
    package let text: String
    /// Similarity in [0, 1], higher is closer.
    package let score: Double

    /// Creates the snippet.
    package init(id: String, source: String, file: String, text: String, score: Double) {
        self.id = id
        self.source = source
        self.file = file
        self.text = text
        self.score = score
    }
}
