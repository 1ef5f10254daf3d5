import HTTPTypes
import Hummingbird
import NovaJSON
import ServiceKit
import Synchronization

/// Limits each API key (or, without keys, each client address) to `RATE_LIMIT_PER_MINUTE` requests with a token
/// bucket; beyond it answers 429 with `Retry-After`. `/` and `/health` are not limited.
final class RateLimitMiddleware: RouterMiddleware, Sendable {
    typealias Context = NovaRequestContext

    private let perMinute: Int
    private let now: @Sendable () -> Double
    private let buckets = Mutex<[String: TokenBucket]>([:])

    /// Creates the limiter; `now` tells monotonic time in seconds (by default since the limiter was created).
    init(perMinute: Int, now: (@Sendable () -> Double)? = nil) {
        self.perMinute = perMinute
        let origin = ContinuousClock.now
        self.now =
            now ?? {
                (ContinuousClock.now - origin).seconds
            }
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard !OpenPaths.contains(request.uri.path) else { return try await next(request, context) }
        let identity = context.apiKeyIdentity ?? context.remoteAddress?.ipAddress ?? "anonymous"
        if let wait = take(for: identity) {
            throw ServiceError(
                .tooManyRequests, "Rate limit exceeded: \(perMinute) requests per minute (RATE_LIMIT_PER_MINUTE)",
                headers: [.retryAfter: String(Int(wait.rounded(.up)))])
        }
        return try await next(request, context)
    }

    private func take(for identity: String) -> Double? {
        let time = now()
        return buckets.withLock { buckets in
            if buckets.count > 10_000 { buckets = buckets.filter { !$0.value.isFull(at: time) } }
            var bucket = buckets[identity] ?? TokenBucket(perMinute: perMinute, now: time)
            let wait = bucket.take(at: time)
            buckets[identity] = bucket
            return wait
        }
    }
}
