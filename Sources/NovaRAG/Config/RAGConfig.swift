import Foundation
import ServiceKit

/// nova-rag's configuration, read once at startup from the environment (README.md lists every key).
struct RAGConfig: Sendable {
    /// `HOST` / `PORT` (default 8001).
    var listen: ListenAddress
    /// `NOVA_RAG_DATA_DIR` (alias `CHROMA_DB_PATH`), default `./data`, resolved to an absolute path.
    var dataDirectory: String
    /// `DATABASE_URL`, or the SQLite file `nova-rag.sqlite` in the data directory.
    var database: DatabaseLocation
    /// `MAX_BODY_BYTES`, default 1 MiB.
    var maxBodyBytes: Int
    /// `IDLE_TIMEOUT_SECONDS`: how long a connection may stall.
    var connections: ConnectionSettings
    /// `EMBEDDING_PROVIDER` and its settings.
    var embedding: EmbeddingSettings
    /// `KNOWLEDGE_DIR`: the knowledge folders, comma-separated, default `./knowledge`, resolved to absolute paths.
    var knowledgeDirectories: [String]
    /// `RAG_API_KEY`: bearer token required on every route but `/` and `/health`.
    var apiKey: String?
    /// `--allow-unauthenticated-admin`: destructive routes work without `RAG_API_KEY`.
    var allowUnauthenticatedAdmin = false

    /// Reads the configuration; a bad value is a ``ConfigError`` naming the variable.
    init(env: EnvironmentReader) throws {
        listen = try ListenAddress(env: env, defaultPort: 8001)
        let directory = env.string("NOVA_RAG_DATA_DIR") ?? env.string("CHROMA_DB_PATH") ?? "./data"
        dataDirectory = URL(fileURLWithPath: directory).standardizedFileURL.path
        database = try DatabaseLocation.parse(databaseURL: env.string("DATABASE_URL"), dataDirectory: dataDirectory, fileName: "nova-rag.sqlite")
        maxBodyBytes = try env.int("MAX_BODY_BYTES", default: 1 << 20, in: 1024...(1 << 30))
        connections = try ConnectionSettings(env: env)
        embedding = try EmbeddingSettings(env: env)
        let knowledge = env.list("KNOWLEDGE_DIR")
        knowledgeDirectories = (knowledge.isEmpty ? ["./knowledge"] : knowledge).map { URL(fileURLWithPath: $0).standardizedFileURL.path }
        apiKey = env.string("RAG_API_KEY")
    }
}
