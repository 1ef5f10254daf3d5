import Hummingbird
import Logging
import ServiceKit

/// Builds the nova-rag application: opens the store, wires controllers and middleware. Tests call it too.
func buildApplication(config: RAGConfig, logger: Logger) async throws -> some ApplicationProtocol {
    let database = try await SQLDatabase.open(config.database, logger: logger)
    let router = Router()
    router.add(middleware: RequestIDMiddleware())
    router.add(middleware: ErrorEnvelopeMiddleware(style: .detail))
    router.add(middleware: BodyLimitMiddleware(limit: config.maxBodyBytes))
    router.addRoutes(HealthController(store: RAGStatus(persistentPath: config.dataDirectory)).routes)
    router.addMethodNotAllowedRoutes()
    var app = Application(
        router: router,
        configuration: .init(address: .hostname(config.listen.host, port: config.listen.port), serverName: "nova-rag"),
        logger: logger
    )
    if let postgres = database.backgroundService {
        app.addServices(postgres)
    }
    return app
}
