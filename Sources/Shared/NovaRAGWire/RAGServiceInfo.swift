/// `GET /` of nova-rag: the service's name, version and main routes.
package struct RAGServiceInfo: Codable, Sendable, Equatable {
    /// Always `NOVA RAG`.
    package var service = "NOVA RAG"
    /// The service version, `1.0.0`.
    package var version = "1.0.0"
    /// One line on what the service is.
    package var description = "Retrieval-Augmented Generation microservice"
    /// Route names to `METHOD /path`.
    package var endpoints: [String: String] = [
        "health": "GET /health", "query": "POST /rag/query", "stats": "GET /rag/stats", "reload": "POST /rag/reload",
    ]

    /// The fixed document.
    package init() {}
}
