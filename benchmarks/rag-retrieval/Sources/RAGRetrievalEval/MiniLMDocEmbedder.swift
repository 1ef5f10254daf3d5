import MiniLM
import NovaCore
import RAGCore

/// The built-in model behind the ``Embedder`` port, called directly (no thread pool: this program does nothing else).
struct MiniLMDocEmbedder: Embedder {
    let model: MiniLMModel
    var modelName: String { MiniLMModel.directoryName }
    var dimension: Int { model.dimension }

    func embed(_ texts: [String]) async throws -> [[Float]] {
        model.embed(texts)
    }
}
