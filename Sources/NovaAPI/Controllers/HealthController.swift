import Hummingbird
import NovaCore
import ServiceKit
import Shared

/// `GET /`, `GET /health` (from the background check) and `GET /health/components` (live database check, sandbox isolation).
struct HealthController<Context: RequestContext>: Sendable {
    let monitor: ComponentMonitor
    let config: NovaConfig
    let sandbox: SharedSandbox

    /// The routes of this controller.
    var routes: RouteCollection<Context> {
        let routes = RouteCollection(context: Context.self)
        routes.get("/") { _, _ in try JSONResponse.make(NovaServiceInfo()) }
        routes.get("/health") { _, _ in try JSONResponse.make(await monitor.latest.health) }
        routes.get("/health/components") { _, _ in try await components() }
        return routes
    }

    private func components() async throws -> Response {
        let isolation = await sandbox.sandbox().status
        let document = NovaComponents(
            database: await monitor.databaseState(),
            e2b: config.e2bConfigured ? "configured" : "not_configured",
            e2bTemplateId: config.e2bTemplateID,
            celery: "configured",
            redis: config.redis == nil ? "not_configured" : "configured",
            ragService: config.ragServiceURL == nil ? "not_configured" : "configured",
            sandbox: isolation.name,
            sandboxMode: isolation.mode?.rawValue,
            sandboxReason: isolation.reason
        )
        return try JSONResponse.make(document)
    }
}
