import HTTPTypes
import Hummingbird

/// CORS for an explicit list of origins (`CORS_ORIGINS`): an allowed origin is echoed with credentials allowed, all
/// methods and the requested headers; any other origin gets no CORS headers. Preflights are answered here.
struct CORSPolicyMiddleware<Context: RequestContext>: RouterMiddleware {
    private let origins: Set<String>
    private static var methods: String { "GET, POST, PUT, DELETE, PATCH, OPTIONS" }

    init(origins: [String]) {
        self.origins = Set(origins)
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let origin = request.headers[.origin] else { return try await next(request, context) }
        let allowed = origins.contains(origin)
        if request.method == .options, request.headers[.accessControlRequestMethod] != nil {
            var response = Response(status: .noContent)
            if allowed {
                add(origin, to: &response.headers)
                response.headers[.accessControlAllowMethods] = Self.methods
                response.headers[.accessControlAllowHeaders] = request.headers[.accessControlRequestHeaders] ?? "*"
                response.headers[.accessControlMaxAge] = "600"
            }
            return response
        }
        var response = try await next(request, context)
        if allowed { add(origin, to: &response.headers) }
        return response
    }

    private func add(_ origin: String, to headers: inout HTTPFields) {
        headers[.accessControlAllowOrigin] = origin
        headers[.accessControlAllowCredentials] = "true"
        headers[.vary] = "Origin"
    }
}
