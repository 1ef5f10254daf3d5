import NovaCore
import Shared

/// The generator's documentation snippets from nova-rag's `/rag/query`, through nova's ``NovaRAGClient`` (same
/// deadline and circuit breaker as the semantic code cache).
struct RAGDocumentationSource: DocumentationSource {
    let client: NovaRAGClient

    func snippets(for query: String, limit: Int) async throws -> [DocSnippet] {
        try await client.query(RAGQueryRequest(query: query, topK: limit)).results.map { result in
            DocSnippet(id: result.id, source: result.source, file: result.file, text: result.text, score: result.score)
        }
    }
}
