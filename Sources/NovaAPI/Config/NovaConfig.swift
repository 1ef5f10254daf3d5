import Foundation
import NovaCore
import ServiceKit

/// nova's configuration, read once at startup from the environment (README.md lists every key).
struct NovaConfig: Sendable {
    /// `HOST` / `PORT` (default 8000).
    var listen: ListenAddress
    /// `NOVA_DATA_DIR`, default `./data`, resolved to an absolute path.
    var dataDirectory: String
    /// `DATABASE_URL`, or the SQLite file `nova.sqlite` in the data directory.
    var database: DatabaseLocation
    /// `REDIS_URL`: the queue (a Redis stream) when set; `nova serve` and `nova worker` then need `NOVA_SECRET_KEY`,
    /// which seals the queued jobs (``RedisJobQueue/open(config:redis:consumer:logger:)`` refuses to start without it).
    var redis: RedisURL?
    /// `REDIS_QUEUE_KEY`, default `nova:jobs`: the stream of the queue.
    var redisQueueKey: String
    /// `RAG_SERVICE_URL` without a trailing `/`; nil disables the semantic cache and doc search.
    var ragServiceURL: String?
    /// `RAG_API_KEY`: the bearer token nova sends to nova-rag.
    var ragAPIKey: String?
    /// `RAG_TIMEOUT_SECONDS`, default 2: deadline of each call to nova-rag.
    var ragTimeoutSeconds: Double
    /// `E2B_API_KEY` is set.
    var e2bConfigured: Bool
    /// `E2B_TEMPLATE_ID`.
    var e2bTemplateID: String?
    /// `MAX_BODY_BYTES`, default 1 MiB.
    var maxBodyBytes: Int
    /// `IDLE_TIMEOUT_SECONDS`: how long a connection may stall.
    var connections: ConnectionSettings
    /// `OPENAI_API_KEY`, `ANTHROPIC_API_KEY`, their base URLs and `CODE_GENERATOR_MODEL`.
    var llm: LLMSettings
    /// Semantic cache switches and generation attempts.
    var pipeline: PipelineSettings
    /// API keys, CORS, rate limit and the credentials key.
    var security: SecuritySettings
    /// `WORKER_CONCURRENCY`, default 4: workers `nova serve` and `nova worker` run (0 = none in `nova serve`).
    var workerConcurrency: Int
    /// `WORKER_LEASE_SECONDS`, default 30: how long a worker holds an execution without renewing its lease (it renews
    /// every third of it); a dead worker's execution is taken over after about that long.
    var workerLeaseSeconds: Double
    /// `WORKER_HEALTH_PORT`, unset by default: where `nova worker` answers `GET /health` and `/health/components`
    /// (for container health checks); unset, a worker serves no HTTP.
    var workerHealthPort: Int?
    /// `QUEUE_RECONCILE_SECONDS`, default 30: how often (with `REDIS_URL`) one process checks that every unfinished task
    /// has an entry in the Redis stream and queues the lost ones again (``QueueReconciler``).
    var queueReconcileSeconds: Double
    /// `MAX_QUEUED_EXECUTIONS`, default 10,000 (`0`: no bound): beyond this many `PENDING` tasks an execute request is
    /// refused with 503 and `Retry-After`, so a flood cannot grow the backlog (and the database) without end.
    var maxQueuedExecutions: Int
    /// `SANDBOX_NETWORK` (`internet`, the default, or `none`): the network of nodes that do not say `"network": false`.
    var sandboxNetwork: SandboxNetwork
    /// `SANDBOX_ISOLATION`: `auto` (nil, the default: namespaces, else Landlock, else node code is refused),
    /// `namespaces`, `landlock`, or `rlimits-only` (explicitly accepting no isolation).
    var sandboxIsolation: SandboxMode?
    /// `NOVA_SANDBOX_VENV`, default `<data directory>/sandbox-venv`, resolved to an absolute path: the virtual environment
    /// made by scripts/setup-sandbox.sh whose `python3` runs node code (`/usr/bin/python3` when it holds none). The
    /// nova image sets it to a directory of the image, since its data directory is a volume.
    var sandboxVirtualEnvironment: String

    /// Reads the configuration; a bad value is a ``ConfigError`` naming the variable.
    init(env: EnvironmentReader) throws {
        listen = try ListenAddress(env: env, defaultPort: 8000)
        dataDirectory = URL(fileURLWithPath: env.string("NOVA_DATA_DIR", default: "./data")).standardizedFileURL.path
        database = try DatabaseLocation.parse(databaseURL: env.string("DATABASE_URL"), dataDirectory: dataDirectory, fileName: "nova.sqlite")
        redis = try env.string("REDIS_URL").map { try RedisURL($0) }
        ragServiceURL = try env.string("RAG_SERVICE_URL").map { text in
            guard let url = URL(string: text), url.scheme == "http" || url.scheme == "https", url.host != nil else {
                throw ConfigError(key: "RAG_SERVICE_URL", problem: "expected an http:// or https:// URL")
            }
            return text.hasSuffix("/") ? String(text.dropLast()) : text
        }
        ragAPIKey = env.string("RAG_API_KEY")
        ragTimeoutSeconds = try env.double("RAG_TIMEOUT_SECONDS", default: 2, in: 0.05...60)
        e2bConfigured = env.string("E2B_API_KEY") != nil
        e2bTemplateID = env.string("E2B_TEMPLATE_ID")
        maxBodyBytes = try env.int("MAX_BODY_BYTES", default: 1 << 20, in: 1024...(1 << 30))
        connections = try ConnectionSettings(env: env)
        llm = LLMSettings(env: env)
        pipeline = try PipelineSettings(env: env)
        security = try SecuritySettings(env: env)
        workerConcurrency = try env.int("WORKER_CONCURRENCY", default: 4, in: 0...64)
        workerLeaseSeconds = try env.double("WORKER_LEASE_SECONDS", default: 30, in: 1...3600)
        workerHealthPort = env.string("WORKER_HEALTH_PORT") == nil ? nil : try env.int("WORKER_HEALTH_PORT", default: 0, in: 0...65535)
        redisQueueKey = env.string("REDIS_QUEUE_KEY", default: "nova:jobs")
        queueReconcileSeconds = try env.double("QUEUE_RECONCILE_SECONDS", default: 30, in: 1...3600)
        maxQueuedExecutions = try env.int("MAX_QUEUED_EXECUTIONS", default: 10_000, in: 0...100_000_000)
        let network = env.string("SANDBOX_NETWORK", default: SandboxNetwork.internet.rawValue)
        guard let sandboxNetwork = SandboxNetwork(rawValue: network) else {
            throw ConfigError(key: "SANDBOX_NETWORK", problem: "expected internet or none")
        }
        self.sandboxNetwork = sandboxNetwork
        let isolation = env.string("SANDBOX_ISOLATION", default: "auto")
        guard isolation == "auto" || SandboxMode(rawValue: isolation) != nil else {
            throw ConfigError(key: "SANDBOX_ISOLATION", problem: "expected auto, namespaces, landlock or rlimits-only")
        }
        sandboxIsolation = SandboxMode(rawValue: isolation)
        let venv = env.string("NOVA_SANDBOX_VENV") ?? URL(fileURLWithPath: dataDirectory).appendingPathComponent("sandbox-venv").path
        sandboxVirtualEnvironment = URL(fileURLWithPath: venv).standardizedFileURL.path
    }
}
