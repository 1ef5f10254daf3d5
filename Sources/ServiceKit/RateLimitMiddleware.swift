import HTTPTypes
import Hummingbird

/// Limits each client to `RATE_LIMIT_PER_MINUTE` requests with a token bucket; beyond it answers 429 with
/// `Retry-After`. The service says who the client is (`identity`), and nil for a request that is not limited.
package struct RateLimitMiddleware<Context: RequestContext>: RouterMiddleware {
    private let buckets: ClientBuckets
    private let identity: @Sendable (Request, Context) -> String?

    /// Creates the limiter of `perMinute` requests per client; `now` tells monotonic time in seconds (tests).
    package init(perMinute: Int, now: (@Sendable () -> Double)? = nil, identity: @escaping @Sendable (Request, Context) -> String?) {
        buckets = ClientBuckets(perMinute: perMinute, now: now)
        self.identity = identity
    }

    /// Takes a token for the request's client or refuses it.
    package func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if let client = identity(request, context), let wait = buckets.take(client) {
            throw ServiceError(
                .tooManyRequests, "Rate limit exceeded: \(buckets.perMinute) requests per minute (RATE_LIMIT_PER_MINUTE)",
                headers: [.retryAfter: wait.retryAfterSeconds])
        }
        return try await next(request, context)
    }
}
