import Hummingbird
import Logging
import NIOCore
import NovaCore
import NovaStorage
import RAGCore
import ServiceKit

/// Builds the nova-rag application: opens the database, wires controllers and middleware, and opens the code
/// cache before the server accepts requests (the PostgreSQL pool must be running for that); the documentation
/// loads in the background meanwhile (``DocLoader``). Tests call it too; their `embedder` replaces the configured
/// one (to count or hold embedding calls).
func buildApplication(config: RAGConfig, logger: Logger, embedder override: (any Embedder)? = nil) async throws -> some ApplicationProtocol {
    try config.checkExposure()
    let database = try await SQLDatabase.open(config.database, logger: logger)
    let embedder = try override ?? config.embedding.makeEmbedder()
    let slot = CodeCacheSlot()
    let docs = DocLibrary(
        store: OpeningDocChunkStore(database: database, logger: logger), embedder: embedder,
        folder: KnowledgeFolder(roots: config.knowledgeDirectories))
    var app = Application(
        router: buildRouter(config: config, slot: slot, docs: docs),
        server: config.connections.server(style: .detail),
        configuration: .init(address: .hostname(config.listen.host, port: config.listen.port), serverName: "nova-rag"),
        logger: logger
    )
    if let postgres = database.backgroundService {
        app.addServices(postgres, PostgresChangeFeed(client: postgres, slot: slot, logger: logger))
    }
    app.addServices(DocLoader(library: docs, codeCache: slot, logger: logger))
    app.beforeServerStarts {
        let store = try await openCodeEntryStore(database, logger: logger)
        let outcomes = SQLHitOutcomeStore(db: database.executor(logger: logger))
        let cache = try await SemanticCodeCache.open(store: store, outcomes: outcomes, embedder: embedder, wallClock: SystemWallClock())
        slot.install(cache)
        logger.info("code cache open", metadata: ["entries": .stringConvertible(cache.count), "embedder": .string(embedder.modelName)])
    }
    return app
}

/// The router with nova-rag's middleware and every route, over the code cache of `slot` and the documentation of
/// `docs`.
func buildRouter(config: RAGConfig, slot: CodeCacheSlot, docs: DocLibrary) -> Router<RAGRequestContext> {
    let router = Router(context: RAGRequestContext.self, options: .serviceDefaults)
    router.add(middleware: RequestIDMiddleware())
    router.add(middleware: ErrorEnvelopeMiddleware(style: .detail, classify: RAGErrorMapping.classify))
    router.add(middleware: AuthFailureBrakeMiddleware(perMinute: config.authFailuresPerMinute))
    router.add(middleware: ServiceTokenMiddleware(apiKey: config.apiKey))
    // Per client address. Loopback is not limited: there the caller is the co-located nova, whose load a limit would
    // only turn into semantic-cache misses and extra code generation; the brake on failed keys still applies to it.
    router.add(
        middleware: RateLimitMiddleware<RAGRequestContext>(perMinute: config.rateLimitPerMinute) { request, context in
            guard request.uri.path != "/", request.uri.path != "/health", let address = context.remoteAddress else { return nil }
            return address.isLoopback ? nil : address.ipAddress ?? "unknown"
        })
    router.add(middleware: BodyLimitMiddleware(limit: config.maxBodyBytes))
    router.addRAGRoutes(config: config, slot: slot, docs: docs)
    router.addMethodNotAllowedRoutes()
    return router
}

extension Router<RAGRequestContext> {
    /// Adds every route of nova-rag (without middleware or the 405 answers).
    func addRAGRoutes(config: RAGConfig, slot: CodeCacheSlot, docs: DocLibrary) {
        let admin = AdminGate(keyConfigured: config.apiKey != nil, allowUnauthenticated: config.allowUnauthenticatedAdmin)
        let status = RAGStatus(
            persistentPath: config.dataDirectory, embeddedDirectory: config.database.embeddedDirectory, codeCache: slot, docs: docs)
        addRoutes(HealthController(store: status).routes)
        addRoutes(CodeController(slot: slot, admin: admin).routes)
        addRoutes(OpenAPIController().routes)
        addRoutes(DocsController(library: docs, admin: admin).routes)
    }
}
