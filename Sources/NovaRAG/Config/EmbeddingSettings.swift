import Foundation
import ServiceKit

/// Which embedder nova-rag uses (`EMBEDDING_PROVIDER`) and its settings.
enum EmbeddingSettings: Sendable {
    /// The built-in all-MiniLM-L6-v2 model, files under `NOVA_MODEL_DIR`/all-MiniLM-L6-v2.
    case local(modelDirectory: String)
    /// An OpenAI-compatible `/embeddings` API.
    case openAI(baseURL: String, apiKey: String, model: String, dimension: Int)
    /// The deterministic bag-of-words embedder of docs/api.md §2.11 (tests and benchmarks only), 1536 dimensions unless
    /// `EMBEDDING_DIMENSIONS` says otherwise (benchmarks use 384, the built-in model's size).
    case hash(dimension: Int)

    /// Reads `EMBEDDING_PROVIDER` (`local` default), `NOVA_MODEL_DIR`, `OPENAI_API_KEY`, `OPENAI_BASE_URL`,
    /// `EMBEDDING_MODEL` and `EMBEDDING_DIMENSIONS`.
    init(env: EnvironmentReader) throws {
        switch try env.choice("EMBEDDING_PROVIDER", default: "local", from: ["local", "openai", "hash"]) {
        case "openai":
            guard let key = env.string("OPENAI_API_KEY") else {
                throw ConfigError(key: "OPENAI_API_KEY", problem: "required when EMBEDDING_PROVIDER=openai")
            }
            let model = env.string("EMBEDDING_MODEL", default: "text-embedding-3-small")
            let known = ["text-embedding-3-small": 1536, "text-embedding-3-large": 3072, "text-embedding-ada-002": 1536]
            let dimension = try env.int("EMBEDDING_DIMENSIONS", default: known[model] ?? 0, in: 1...16384)
            let base = env.string("OPENAI_BASE_URL", default: "https://api.openai.com/v1")
            self = .openAI(baseURL: base.hasSuffix("/") ? String(base.dropLast()) : base, apiKey: key, model: model, dimension: dimension)
        case "hash":
            self = .hash(dimension: try env.int("EMBEDDING_DIMENSIONS", default: 1536, in: 8...16384))
        default:
            let directory = URL(fileURLWithPath: env.string("NOVA_MODEL_DIR", default: "./models")).appendingPathComponent("all-MiniLM-L6-v2")
            self = .local(modelDirectory: directory.standardizedFileURL.path)
        }
    }
}
