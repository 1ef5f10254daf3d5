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
    /// `RAG_ALLOW_UNAUTHENTICATED`: serve a non-loopback address without `RAG_API_KEY`.
    var allowUnauthenticated: Bool
    /// `RATE_LIMIT_PER_MINUTE` per client address, default 600; loopback peers are not limited.
    var rateLimitPerMinute: Int
    /// `AUTH_FAILURES_PER_MINUTE` per client address, default 20: beyond it the address gets 429.
    var authFailuresPerMinute: Int

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
        allowUnauthenticated = try env.bool("RAG_ALLOW_UNAUTHENTICATED", default: false)
        rateLimitPerMinute = try env.int("RATE_LIMIT_PER_MINUTE", default: 600, in: 1...1_000_000)
        authFailuresPerMinute = try env.int("AUTH_FAILURES_PER_MINUTE", default: 20, in: 1...1_000_000)
    }

    /// Refuses to serve a non-loopback address without `RAG_API_KEY` unless unauthenticated serving was allowed:
    /// anyone who can connect could otherwise read and fill the code cache.
    func checkExposure() throws {
        guard apiKey == nil, !listen.isLoopback, !allowUnauthenticated else { return }
        throw ConfigError(
            key: "RAG_API_KEY",
            problem: "HOST=\(listen.host) accepts connections from other machines but RAG_API_KEY is not set: set RAG_API_KEY=<key> (and the "
                + "same in nova), or RAG_ALLOW_UNAUTHENTICATED=true to serve without authentication, or HOST=127.0.0.1 to serve this machine only")
    }
}
