import HTTPTypes
import Hummingbird
import NIOCore
import NIOHTTP1

/// Reads each request body up to a limit (`MAX_BODY_BYTES`, default 1 MiB); a larger body is answered 413, whether
/// it declares its length or comes in chunks (then the collector stops at the limit with `NIOTooManyBytesError`).
///
/// The collected body stays on the request, so handlers decode it without reading the stream again.
package struct BodyLimitMiddleware<Context: RequestContext>: RouterMiddleware {
    private let limit: Int

    /// Creates the middleware for bodies of at most `limit` bytes.
    package init(limit: Int) {
        self.limit = limit
    }

    /// Collects the body or refuses it.
    package func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if let declared = request.headers[.contentLength].flatMap(Int.init), declared > limit {
            throw tooLarge
        }
        var request = request
        do {
            _ = try await request.collectBody(upTo: limit)
        } catch let error as HTTPError where error.status == .contentTooLarge {
            throw tooLarge
        } catch is NIOTooManyBytesError {
            throw tooLarge
        } catch is HTTPParserError {
            // The connection ended (the client left, or IDLE_TIMEOUT_SECONDS closed it) before the declared length.
            throw ServiceError(.badRequest, "Request body ended before its Content-Length")
        }
        return try await next(request, context)
    }

    private var tooLarge: ServiceError {
        ServiceError(.contentTooLarge, "Request body is larger than the limit of \(limit) bytes (MAX_BODY_BYTES)")
    }
}
