import Hummingbird

/// `GET /openapi.json`, and `GET /docs` and `GET /redoc` rendering it as a self-contained HTML page.
package struct OpenAPIRoutes<Context: RequestContext>: Sendable {
    private let document: OpenAPIDocument

    /// Serves `document`.
    package init(document: OpenAPIDocument) {
        self.document = document
    }

    /// The routes.
    package var routes: RouteCollection<Context> {
        let routes = RouteCollection(context: Context.self)
        let json = document.json
        let page = OpenAPIDocsPage.html(document)
        routes.get("/openapi.json") { _, _ in try JSONResponse.make(json) }
        for path in ["/docs", "/redoc"] {
            routes.get(RouterPath(stringLiteral: path)) { _, _ in
                Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8"], body: .init(byteBuffer: .init(string: page)))
            }
        }
        return routes
    }
}
