/// A `/rag/query` request: text, how many results, and exact-match filters (docs/api.md §2.4).
package struct DocQuery: Sendable, Equatable {
    /// The question, embedded as is.
    package let text: String
    /// Most results returned, 1…20.
    package let topK: Int
    /// Only chunks with this `source`, when set.
    package let source: String?
    /// Only chunks with this `topic`, when set.
    package let topic: String?

    /// Creates a query.
    package init(text: String, topK: Int = 5, source: String? = nil, topic: String? = nil) {
        self.text = text
        self.topK = topK
        self.source = source
        self.topic = topic
    }

    /// Whether `chunk` passes the filters (both must hold when both are set).
    package func admits(_ chunk: DocChunk) -> Bool {
        (source.map { $0 == chunk.source } ?? true) && (topic.map { $0 == chunk.topic } ?? true)
    }

    /// Whether any filter is set.
    package var isFiltered: Bool { source != nil || topic != nil }
}
