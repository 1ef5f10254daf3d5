import Foundation
import Logging
import NovaCore
import NovaStorage
import ServiceKit
import Shared

/// Everything nova's routes and background services use, opened once by the composition root.
struct NovaServices: Sendable {
    let config: NovaConfig
    let database: SQLDatabase
    let stores: NovaStores
    let queue: any JobQueue
    let validator: WorkflowGraphValidator
    let clock: any WallClock
    let monitor: ComponentMonitor
    /// The sandbox the workers run nodes in; `/health/components` reports its isolation.
    let sandbox: SharedSandbox
    /// nova-rag's client, nil without `RAG_SERVICE_URL`.
    let rag: NovaRAGClient?
    let exporter: PrometheusExporter
    let logger: Logger

    /// Opens the database, Redis and the nova-rag client from `config`; jobs go to `queue`. The sandbox runs with
    /// `sandboxConfiguration`, by default the one of `NOVA_SANDBOX_VENV`.
    static func open(
        config: NovaConfig, logger: Logger, queue: any JobQueue, sandboxConfiguration: SandboxConfiguration? = nil
    ) async throws -> NovaServices {
        let database = try await SQLDatabase.open(config.database, logger: logger)
        let redis = try config.redis.map { try RedisConnection(url: $0) }
        let rag = config.ragServiceURL.map { NovaRAGClient(baseURL: $0, apiKey: config.ragAPIKey, timeoutSeconds: config.ragTimeoutSeconds) }
        if rag == nil {
            logger.info("RAG_SERVICE_URL is not set: semantic code cache and documentation search are disabled")
        }
        let stores = NovaStores.sql(database, logger: logger)
        let clock = SystemWallClock()
        var configuration = sandboxConfiguration ?? SandboxConfiguration(virtualEnvironment: URL(fileURLWithPath: config.sandboxVirtualEnvironment))
        if let isolation = config.sandboxIsolation { configuration.isolation = isolation }
        let sandbox = SharedSandbox(
            configuration: configuration, egressPolicy: config.egressPolicy, breakers: stores.breakers, clock: clock, logger: logger)
        return NovaServices(
            config: config, database: database, stores: stores, queue: queue,
            validator: WorkflowGraphValidator(syntax: MemoizingPythonSyntaxChecker(ProcessPythonSyntaxChecker())), clock: clock,
            monitor: ComponentMonitor(
                database: database, redis: redis, queue: queue as? RedisJobQueue, rag: rag, dataDirectory: config.database.embeddedDirectory,
                logger: logger),
            sandbox: sandbox,
            rag: rag,
            exporter: PrometheusExporter(), logger: logger)
    }

    /// The `/metrics` figures.
    var metrics: MetricsCollector {
        MetricsCollector(stores: stores, database: database, clock: clock)
    }

    /// Migrates the database and checks the credentials key; runs before the server accepts requests.
    func prepare() async throws {
        try await NovaMigrations.migrate(database, logger: logger)
        try await CredentialKeyCheck.verify(stores.clients, cipher: config.security.cipher)
    }
}
