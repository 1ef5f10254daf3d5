import Hummingbird
import ServiceKit
import Shared

/// `GET /` and `GET /health`: cheap, never call the embedder.
struct HealthController<Context: RequestContext>: Sendable {
    let store: RAGStatus

    /// The routes of this controller.
    var routes: RouteCollection<Context> {
        let routes = RouteCollection(context: Context.self)
        routes.get("/") { _, _ in try JSONResponse.make(RAGServiceInfo()) }
        routes.get("/health") { _, _ in try JSONResponse.make(store.health()) }
        return routes
    }
}
