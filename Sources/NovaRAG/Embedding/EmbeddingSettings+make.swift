import NovaCore
import RAGCore
import ServiceKit

extension EmbeddingSettings {
    /// The configured embedder; a local model that cannot be loaded is a ``StartupError`` saying what to run.
    func makeEmbedder() throws -> any Embedder {
        switch self {
        case .hash(let dimension):
            return HashEmbedder(dimension: dimension)
        case .openAI(let baseURL, let apiKey, let model, let dimension):
            return OpenAIEmbedder(baseURL: baseURL, apiKey: apiKey, model: model, dimension: dimension)
        case .local(let directory):
            do {
                return try MiniLMEmbedder(directory: directory)
            } catch {
                throw StartupError("cannot load the built-in embedding model from \(directory) (NOVA_MODEL_DIR): \(error)")
            }
        }
    }
}
