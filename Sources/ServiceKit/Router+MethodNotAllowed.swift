import HTTPTypes
import Hummingbird

extension Router {
    /// Answers `405` with an `Allow` header for every method a registered path does not serve.
    ///
    /// Call it after all routes are added: Hummingbird alone answers such requests 404. `HEAD` counts as served
    /// where `GET` is, since the router generates those (``RouterOptions/serviceDefaults``).
    package func addMethodNotAllowedRoutes() {
        let methods: [HTTPRequest.Method] = [.get, .head, .post, .put, .delete, .patch]
        let byPath = Dictionary(grouping: routes, by: { $0.path.description })
        for described in byPath.values {
            var allowed = Set(described.map(\.method))
            if allowed.contains(.get) { allowed.insert(.head) }
            let allowHeader = methods.filter(allowed.contains).map(\.rawValue).joined(separator: ", ")
            for method in methods where !allowed.contains(method) {
                on(described[0].path, method: method) { _, _ -> Response in
                    throw ServiceError(.methodNotAllowed, "Method Not Allowed", headers: [.allow: allowHeader])
                }
            }
        }
    }
}

extension RouterOptions {
    /// The options of both services' routers: `HEAD` answered wherever `GET` is (the `GET` handler runs and its
    /// body is dropped), which Hummingbird does only when asked.
    package static var serviceDefaults: RouterOptions { .autoGenerateHeadEndpoints }
}
