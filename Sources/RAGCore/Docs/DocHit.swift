/// One `/rag/query` result.
package struct DocHit: Sendable, Equatable {
    /// The chunk.
    package let chunk: DocChunk
    /// Cosine similarity between the query and the chunk.
    package let cosine: Float

    /// Creates a hit.
    package init(chunk: DocChunk, cosine: Float) {
        self.chunk = chunk
        self.cosine = cosine
    }

    /// The contract's `/rag/query` score, `max(0, 2·cos − 1)`, not rounded (docs/api.md §2 score table).
    package var score: Double { max(0, 2 * Double(cosine) - 1) }
}

/// The results of one search and how many near-duplicates were left out of them.
package struct DocSearchResult: Sendable, Equatable {
    /// Best first, at most `top_k`.
    package let hits: [DocHit]
    /// Chunks skipped because they repeat a better result.
    package let duplicatesRemoved: Int

    /// Creates the result.
    package init(hits: [DocHit], duplicatesRemoved: Int) {
        self.hits = hits
        self.duplicatesRemoved = duplicatesRemoved
    }
}
