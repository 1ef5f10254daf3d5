import Foundation
import MiniLM
import NIOPosix
import NovaCore
import RAGCore

/// The built-in all-MiniLM-L6-v2 model as nova-rag's embedder (`EMBEDDING_PROVIDER=local`, the default).
/// The forward pass runs on NIO's blocking thread pool so it never stalls request handling.
struct MiniLMEmbedder: Embedder {
    let modelName = "all-MiniLM-L6-v2"
    let dimension: Int
    private let model: MiniLMModel

    /// Loads the model from `directory`; a missing file is an error that says to run `scripts/fetch-model.sh`.
    init(directory: String) throws {
        model = try MiniLMModel(directory: URL(fileURLWithPath: directory))
        dimension = model.dimension
    }

    func embed(_ texts: [String]) async throws -> [[Float]] {
        try await NIOThreadPool.singleton.runIfActive { [model] in model.embed(texts) }
    }
}
