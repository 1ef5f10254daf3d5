import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NovaJSON

/// Gives each request an id (the incoming `X-Request-ID`, or a new UUID), puts it on every log line of the
/// request as `request_id`, echoes it in the `X-Request-ID` response header, and logs one line per request.
package struct RequestIDMiddleware<Context: RequestContext>: RouterMiddleware {
    /// The header that carries the id both ways.
    package static var headerName: HTTPField.Name { HTTPField.Name("X-Request-ID")! }

    /// Creates the middleware.
    package init() {}

    /// Tags the request and its response.
    package func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let incoming = request.headers[Self.headerName].map { String($0.prefix(128)) }
        let id = incoming.flatMap { $0.isEmpty ? nil : $0 } ?? UUID().uuidString.lowercased()
        var context = context
        context.logger[metadataKey: "request_id"] = .string(id)
        let started = ContinuousClock.now
        var response = try await next(request, context)
        response.headers[Self.headerName] = id
        let elapsed = ContinuousClock.now - started
        context.logger.info(
            "request",
            metadata: [
                "http.method": .string(request.method.rawValue),
                "http.path": .string(request.uri.path),
                "http.status": .stringConvertible(response.status.code),
                "http.duration_ms": .string(
                    String(format: "%.2f", elapsed.milliseconds)),
            ]
        )
        return response
    }
}
