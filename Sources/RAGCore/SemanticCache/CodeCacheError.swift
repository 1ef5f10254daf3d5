/// Why the semantic cache refused or failed an operation.
package enum CodeCacheError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The store's vectors were made by another model; re-index before using it.
    case modelMismatch(stored: EmbeddingModelInfo, configured: EmbeddingModelInfo)
    /// A field of a save holds what looks like a literal credential (the value is never repeated).
    case secretInField(String)
    /// The embedder returned a vector of the wrong length.
    case badEmbedding(expected: Int, got: Int)

    /// One line for logs and error bodies, without secret values.
    package var description: String {
        switch self {
        case .modelMismatch(let stored, let configured):
            "the store holds vectors of \(stored.name) (\(stored.dimension) dimensions) but the configured embedder is \(configured.name) "
                + "(\(configured.dimension) dimensions); run `nova-rag reindex` to re-embed every entry with the configured model"
        case .secretInField(let field):
            "field '\(field)' contains what looks like a literal credential; the cache never stores secrets (pass credentials through the context)"
        case .badEmbedding(let expected, let got):
            "the embedder returned a vector of \(got) dimensions instead of \(expected)"
        }
    }
}
