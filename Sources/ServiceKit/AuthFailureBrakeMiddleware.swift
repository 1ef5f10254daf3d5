import HTTPTypes
import Hummingbird
import NIOCore

/// A brake on guessing API keys: every 401 answered below it costs the client's address a token of a bucket of
/// `AUTH_FAILURES_PER_MINUTE`; while the bucket is empty, that address gets 429 with `Retry-After` on every route but
/// the open ones, before its key is even looked at (so a right guess cannot be told from a wrong one meanwhile).
///
/// The client is its peer address: a key guesser has no better name. Callers sharing an address (behind one proxy)
/// share the brake; a request with a valid key never spends a token.
package struct AuthFailureBrakeMiddleware<Context: RemoteAddressRequestContext>: RouterMiddleware {
    private let failures: ClientBuckets
    private let openPaths: Set<String>

    /// Creates the brake for `perMinute` failed authentications per address; `openPaths` (liveness probes, which
    /// need no key) are never braked; `now` tells monotonic time in seconds (tests).
    package init(perMinute: Int, openPaths: Set<String> = ["/", "/health"], now: (@Sendable () -> Double)? = nil) {
        failures = ClientBuckets(perMinute: perMinute, now: now)
        self.openPaths = openPaths
    }

    /// Refuses a braked address, or runs the request and counts its 401.
    package func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard !openPaths.contains(request.uri.path) else { return try await next(request, context) }
        let client = context.remoteAddress?.ipAddress ?? "unknown"
        if let wait = failures.wait(client) {
            throw ServiceError(
                .tooManyRequests,
                "Too many failed authentications from this address: \(failures.perMinute) per minute (AUTH_FAILURES_PER_MINUTE); "
                    + "retry after \(wait.retryAfterSeconds) s with a valid key",
                headers: [.retryAfter: wait.retryAfterSeconds])
        }
        do {
            let response = try await next(request, context)
            if response.status == .unauthorized { _ = failures.take(client) }
            return response
        } catch let error as ServiceError where error.status == .unauthorized {
            _ = failures.take(client)
            throw error
        }
    }
}
