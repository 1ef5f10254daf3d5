import Hummingbird
import Logging
import ServiceKit
import Shared

/// Builds the nova application: opens the store and Redis, wires controllers, middleware and background services.
/// Tests call it too.
func buildApplication(config: NovaConfig, logger: Logger) async throws -> some ApplicationProtocol {
    let database = try await SQLDatabase.open(config.database, logger: logger)
    let redis = try config.redis.map { try RedisConnection(url: $0) }
    let rag = config.ragServiceURL.map { NovaRAGClient(baseURL: $0, apiKey: nil, timeoutSeconds: config.ragTimeoutSeconds) }
    if rag == nil {
        logger.info("RAG_SERVICE_URL is not set: semantic code cache and documentation search are disabled")
    }
    let monitor = ComponentMonitor(database: database, redis: redis, rag: rag, logger: logger)

    let router = Router()
    router.add(middleware: RequestIDMiddleware())
    router.add(middleware: ErrorEnvelopeMiddleware(style: .errorAndStatusCode))
    router.add(middleware: BodyLimitMiddleware(limit: config.maxBodyBytes))
    router.addRoutes(HealthController(monitor: monitor, config: config).routes)
    router.addMethodNotAllowedRoutes()

    var app = Application(
        router: router,
        configuration: .init(address: .hostname(config.listen.host, port: config.listen.port), serverName: "nova"),
        services: [monitor],
        logger: logger
    )
    if let postgres = database.backgroundService {
        app.addServices(postgres)
    }
    app.beforeServerStarts {
        try await NovaMigrations.migrate(database, logger: logger)
    }
    return app
}
