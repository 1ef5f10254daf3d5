/// Turns texts into unit-length vectors of a fixed dimension (the port behind nova-rag's search).
///
/// Implementations: the built-in all-MiniLM-L6-v2 model, an OpenAI-compatible API client, and a deterministic
/// hash embedder for tests.
package protocol Embedder: Sendable {
    /// The model name stored with the vectors, so that a store is never searched with another model.
    var modelName: String { get }
    /// The length of every vector.
    var dimension: Int { get }
    /// One L2-normalised vector per text, in order.
    func embed(_ texts: [String]) async throws -> [[Float]]
}
