import Hummingbird
import NovaCore
import ServiceKit
import Shared

/// `GET /`, `GET /health` (from the background check) and `GET /health/components` (live database check, and the
/// sandbox status the workers found at startup).
struct HealthController<Context: RequestContext>: Sendable {
    let monitor: ComponentMonitor
    let config: NovaConfig

    /// The routes of this controller.
    var routes: RouteCollection<Context> {
        let routes = RouteCollection(context: Context.self)
        routes.get("/") { _, _ in try JSONResponse.make(NovaServiceInfo()) }
        routes.get("/health") { _, _ in try JSONResponse.make(await monitor.latest.health) }
        routes.get("/health/components") { _, _ in try await components() }
        return routes
    }

    private func components() async throws -> Response {
        let sandbox = await monitor.sandbox
        let sandboxReason: String? = if case .degraded(let reason)? = sandbox { reason } else { nil }
        let document = NovaComponents(
            database: await monitor.databaseState(),
            e2b: config.e2bConfigured ? "configured" : "not_configured",
            e2bTemplateId: config.e2bTemplateID,
            celery: "configured",
            redis: config.redis == nil ? "not_configured" : "configured",
            ragService: config.ragServiceURL == nil ? "not_configured" : "configured",
            sandbox: sandbox?.name ?? "not_running",
            sandboxReason: sandboxReason
        )
        return try JSONResponse.make(document)
    }
}
