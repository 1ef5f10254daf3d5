import Hummingbird
import ServiceKit

/// With `RAG_API_KEY` set, every route but `/` and `/health` requires `Authorization: Bearer <key>` (docs/api.md D8);
/// a missing or wrong token is `401 {"detail": "Unauthorized"}`. The comparison takes constant time.
struct ServiceTokenMiddleware<Context: RequestContext>: RouterMiddleware {
    let apiKey: String?

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let apiKey, request.uri.path != "/", request.uri.path != "/health" else {
            return try await next(request, context)
        }
        let presented = request.headers[.authorization].flatMap { value in
            value.hasPrefix("Bearer ") ? String(value.dropFirst("Bearer ".count)) : nil
        }
        guard let presented, Self.constantTimeEqual(presented, apiKey) else {
            throw ServiceError(.unauthorized, "Unauthorized", headers: [.wwwAuthenticate: "Bearer"])
        }
        return try await next(request, context)
    }

    private static func constantTimeEqual(_ lhs: String, _ rhs: String) -> Bool {
        let left = Array(lhs.utf8)
        let right = Array(rhs.utf8)
        var difference = UInt8(left.count == right.count ? 0 : 1)
        for index in 0..<max(left.count, right.count) {
            difference |= (index < left.count ? left[index] : 0) ^ (index < right.count ? right[index] : 0)
        }
        return difference == 0
    }
}
