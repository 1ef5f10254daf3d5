import Hummingbird
import Logging
import NIOCore
import NovaCore
import ServiceKit

/// Builds the nova application: opens the store and Redis, wires controllers, middleware and background services.
/// Tests call it too. Jobs go to the Redis stream with `REDIS_URL` (shared with `nova worker` processes), else to the
/// in-process queue; either way `WORKER_CONCURRENCY` workers of this process consume them.
func buildApplication(config: NovaConfig, logger: Logger) async throws -> some ApplicationProtocol {
    let owner = LeaseTerms.processOwner()
    guard let redis = config.redis else {
        return try await buildApplication(config: config, logger: logger, queue: InProcessJobQueue(), owner: owner)
    }
    let queue = try await RedisJobQueue.open(config: config, redis: redis, consumer: owner, logger: logger)
    return try await buildApplication(config: config, logger: logger, queue: queue, owner: owner)
}

/// Builds the nova application with the queue jobs go to, the sandbox's configuration when not the one of
/// `NOVA_SANDBOX_VENV`, and `owner`, which names this process in execution leases.
func buildApplication(
    config: NovaConfig, logger: Logger, queue: any JobQueue, sandboxConfiguration: SandboxConfiguration? = nil,
    owner: String = LeaseTerms.processOwner()
) async throws -> some ApplicationProtocol {
    try config.security.checkExposure(of: config.listen)
    let services = try await NovaServices.open(config: config, logger: logger, queue: queue, sandboxConfiguration: sandboxConfiguration)
    var app = Application(
        router: buildRouter(services),
        server: config.connections.server(style: .errorAndStatusCode),
        configuration: .init(address: .hostname(config.listen.host, port: config.listen.port), serverName: "nova"),
        services: [services.monitor, TaskRetentionService(tasks: services.stores.tasks, clock: services.clock, logger: logger)],
        logger: logger
    )
    if let postgres = services.database.backgroundService {
        app.addServices(postgres)
    }
    let reconciler = (queue as? RedisJobQueue).map { QueueReconciler(services: services, queue: $0, owner: owner) }
    if let reconciler {
        app.addServices(reconciler)
    }
    if config.workerConcurrency > 0, let consuming = queue as? any ConsumingJobQueue {
        app.addServices(await ExecutionWorkers.make(services, queue: consuming, owner: owner))
    }
    // One process owns the embedded database and its in-process queue: what is unfinished there at startup was interrupted.
    let embedded = if case .sqlite = config.database { true } else { false }
    let recoversInterruptedRuns = embedded && queue is InProcessJobQueue
    app.beforeServerStarts {
        try await services.prepare()
        await reconciler?.reconcile()
        if recoversInterruptedRuns {
            let stores = services.stores
            let recovery = InterruptedRunRecovery(
                executions: stores.executions, tasks: stores.tasks, cipher: config.security.cipher, clock: services.clock)
            let report = try await recovery.recover(into: queue)
            if report.requeued + report.failed > 0 {
                logger.warning(
                    "picked up the work a stopped process left", metadata: ["requeued": "\(report.requeued)", "failed": "\(report.failed)"])
            }
        }
    }
    return app
}

/// The router with nova's middleware, every route of the API and the dashboard at `/ui`.
func buildRouter(_ services: NovaServices) -> Router<NovaRequestContext> {
    let security = services.config.security
    let router = Router(context: NovaRequestContext.self, options: .serviceDefaults)
    router.add(middleware: RequestIDMiddleware())
    router.add(middleware: RequestMetricsMiddleware(factory: services.exporter.factory))
    router.add(middleware: CORSPolicyMiddleware(origins: security.corsOrigins))
    router.add(middleware: ErrorEnvelopeMiddleware(style: .errorAndStatusCode, classify: NovaErrorMapping.classify))
    router.add(middleware: AuthFailureBrakeMiddleware(perMinute: security.authFailuresPerMinute, openPaths: OpenPaths.paths))
    router.add(middleware: APIKeyMiddleware(keys: security.apiKeys))
    // Per API key (per client address without keys); liveness probes are not limited.
    router.add(
        middleware: RateLimitMiddleware<NovaRequestContext>(perMinute: security.rateLimitPerMinute) { request, context in
            OpenPaths.contains(request.uri.path) ? nil : context.apiKeyIdentity ?? context.remoteAddress?.ipAddress ?? "anonymous"
        })
    router.add(middleware: BodyLimitMiddleware(limit: services.config.maxBodyBytes))
    router.addNovaRoutes(services)
    router.addRoutes(DashboardController(apiKeyRequired: !security.apiKeys.isEmpty).routes)
    router.addMethodNotAllowedRoutes()
    return router
}

extension Router<NovaRequestContext> {
    /// Adds every route of nova (without middleware or the 405 answers).
    func addNovaRoutes(_ services: NovaServices) {
        let stores = services.stores
        addRoutes(HealthController(monitor: services.monitor, config: services.config, sandbox: services.sandbox).routes)
        addRoutes(WorkflowController(workflows: stores.workflows, validator: services.validator, clock: services.clock).routes)
        addRoutes(ClientController(clients: stores.clients, clock: services.clock).routes)
        addRoutes(CredentialController(clients: stores.clients, cipher: services.config.security.cipher, clock: services.clock).routes)
        addRoutes(DatabaseSchemaController(schemas: stores.schemas, clients: stores.clients, clock: services.clock).routes)
        addRoutes(
            WorkflowExecuteController(
                stores: stores, validator: services.validator, queue: services.queue, cipher: services.config.security.cipher, clock: services.clock,
                maxQueued: services.config.maxQueuedExecutions
            ).routes)
        addRoutes(TaskController(tasks: stores.tasks).routes)
        addRoutes(ExecutionController(executions: stores.executions, clock: services.clock).routes)
        addRoutes(
            CacheController(
                cache: stores.exactCache, codeSources: stores.codeSources, policy: services.config.pipeline.exactCache, clock: services.clock
            ).routes)
        addRoutes(SemanticCacheController(rag: services.rag).routes)
        addRoutes(
            QueueStatusController(
                tasks: stores.tasks, executions: stores.executions, usesRedis: services.config.redis != nil,
                workers: services.config.workerConcurrency
            ).routes)
        addRoutes(MetricsController(collector: services.metrics, exporter: services.exporter).routes)
        addRoutes(OpenAPIRoutes(document: NovaOpenAPI.document).routes)
    }
}
