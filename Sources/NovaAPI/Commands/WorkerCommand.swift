import ArgumentParser
import Logging
import NovaCore
import ServiceKit
import ServiceLifecycle

/// `nova worker`: a process that only executes queued workflows (no HTTP server): `WORKER_CONCURRENCY` workers on the
/// Redis queue (`REDIS_URL`) over the PostgreSQL database shared with `nova serve` (`DATABASE_URL`). SIGTERM or SIGINT
/// stops leasing; the jobs held are finished first.
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
            let prepared = PreparedWorkers(services: services, workers: workers, owner: owner)
            entries.append(.init(service: prepared, successTerminationBehavior: .gracefullyShutdownGroup))
            let group = ServiceGroup(configuration: .init(services: entries, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
            try await group.run()
        }
    }
}

/// Migrates the database and checks the credentials key, then runs the workers.
private struct PreparedWorkers: Service {
    let services: NovaServices
    let workers: ExecutionWorkers
    let owner: String

    func run() async throws {
        try await services.prepare()
        services.logger.info("workers started", metadata: ["worker": .string(owner), "concurrency": "\(workers.count)"])
        await workers.run()
    }
}
