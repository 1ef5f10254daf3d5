import HTTPTypes
import Hummingbird

extension Router {
    /// Answers `405` with an `Allow` header for every method a registered path does not serve.
    ///
    /// Call it after all routes are added: Hummingbird alone answers such requests 404.
    package func addMethodNotAllowedRoutes() {
        let methods: [HTTPRequest.Method] = [.get, .post, .put, .delete, .patch]
        let byPath = Dictionary(grouping: routes, by: { $0.path.description })
        for described in byPath.values {
            let allowed = Set(described.map(\.method))
            let allowHeader = methods.filter(allowed.contains).map(\.rawValue).joined(separator: ", ")
            for method in methods where !allowed.contains(method) {
                on(described[0].path, method: method) { _, _ -> Response in
                    throw ServiceError(.methodNotAllowed, "Method Not Allowed", headers: [.allow: allowHeader])
                }
            }
        }
    }
}
