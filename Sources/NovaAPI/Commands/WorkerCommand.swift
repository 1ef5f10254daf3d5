import ArgumentParser
import Hummingbird
import Logging
import NovaCore
import ServiceKit
import ServiceLifecycle

/// `nova worker`: a process that only executes queued workflows: `WORKER_CONCURRENCY` workers on the Redis queue
/// (`REDIS_URL`) over the PostgreSQL database shared with `nova serve` (`DATABASE_URL`). With `WORKER_HEALTH_PORT` it
/// also answers `GET /health` and `/health/components` there (database, Redis, nova-rag, sandbox), and nothing else.
/// SIGTERM or SIGINT stops leasing; the jobs held are finished first.
struct WorkerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "worker", abstract: "Run workflow workers on the Redis queue (REDIS_URL) and the shared database (DATABASE_URL).")

    func run() async throws {
        try await runReportingStartupErrors(label: "nova") {
            let env = EnvironmentReader()
            try LoggingBootstrap.install(from: env)
            let config = try NovaConfig(env: env)
            guard let redis = config.redis else {
                throw StartupError("nova worker needs REDIS_URL: it consumes the Redis queue nova serve fills")
            }
            guard case .postgres = config.database else {
                throw StartupError("nova worker needs DATABASE_URL: a PostgreSQL database shared with nova serve")
            }
            guard config.workerConcurrency > 0 else { throw StartupError("nova worker needs WORKER_CONCURRENCY of at least 1") }
            let logger = Logger(label: "nova")
            let owner = LeaseTerms.processOwner()
            let queue = try await RedisJobQueue.open(config: config, redis: redis, consumer: owner, logger: logger)
            let services = try await NovaServices.open(config: config, logger: logger, queue: queue)
            let workers = await ExecutionWorkers.make(services, queue: queue, owner: owner)
            var entries: [ServiceGroupConfiguration.ServiceConfiguration] = []
            if let postgres = services.database.backgroundService { entries.append(.init(service: postgres)) }
            if let port = config.workerHealthPort { entries.append(.init(service: Self.healthServer(services, port: port))) }
            let reconciler = QueueReconciler(services: services, queue: queue, owner: owner)
            entries.append(.init(service: reconciler))
            let prepared = PreparedWorkers(services: services, workers: workers, reconciler: reconciler, owner: owner)
            entries.append(.init(service: prepared, successTerminationBehavior: .gracefullyShutdownGroup))
            let group = ServiceGroup(configuration: .init(services: entries, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
            try await group.run()
        }
    }
}

extension WorkerCommand {
    /// The worker's health endpoints on `port`, with the background component checks they answer from.
    static func healthServer(_ services: NovaServices, port: Int) -> some Service {
        let router = Router(context: NovaRequestContext.self, options: .serviceDefaults)
        router.add(middleware: RequestIDMiddleware())
        router.add(middleware: ErrorEnvelopeMiddleware(style: .errorAndStatusCode, classify: NovaErrorMapping.classify))
        router.addRoutes(HealthController(monitor: services.monitor, config: services.config, sandbox: services.sandbox).routes)
        router.addMethodNotAllowedRoutes()
        return Application(
            router: router, server: services.config.connections.server(style: .errorAndStatusCode),
            configuration: .init(address: .hostname(services.config.listen.host, port: port), serverName: "nova-worker"),
            services: [services.monitor], logger: services.logger)
    }
}

/// Migrates the database, checks the credentials key and reconciles the queue with the database, then runs the workers.
private struct PreparedWorkers: Service {
    let services: NovaServices
    let workers: ExecutionWorkers
    let reconciler: QueueReconciler
    let owner: String

    func run() async throws {
        try await services.prepare()
        await reconciler.reconcile()
        services.logger.info("workers started", metadata: ["worker": .string(owner), "concurrency": "\(workers.count)"])
        await workers.run()
    }
}
