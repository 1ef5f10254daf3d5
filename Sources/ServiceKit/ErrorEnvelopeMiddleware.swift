import HTTPTypes
import Hummingbird
import Logging
import NovaJSON

/// Turns every error below it into a JSON response in the service's envelope: never an HTML page or an empty body.
///
/// ``RequestValidationError`` becomes `422 {"detail": [...]}`; ``ServiceError`` and Hummingbird's `HTTPError` keep
/// their status; the app's `classify` maps its domain errors; a full or unwritable store is 507 or 503
/// (``StorageFault``); anything else is logged and answered 500 without details.
package struct ErrorEnvelopeMiddleware<Context: RequestContext>: RouterMiddleware {
    private let style: ErrorStyle
    private let classify: @Sendable (any Error) -> ServiceError?

    /// Creates the middleware for a service whose bodies have `style`.
    package init(style: ErrorStyle, classify: @escaping @Sendable (any Error) -> ServiceError? = { _ in nil }) {
        self.style = style
        self.classify = classify
    }

    /// Runs the rest of the chain and answers its errors.
    package func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            return try response(for: error, context: context)
        }
    }

    private func response(for error: any Error, context: Context) throws -> Response {
        if let invalid = error as? RequestValidationError {
            return try JSONResponse.make(["detail": invalid.issues], status: .unprocessableContent)
        }
        if let fault = StorageFault(error) {
            context.logger.error("store not writable", metadata: ["fault": "\(fault)", "error": "\(error)"])
        }
        if let known = error as? ServiceError ?? classify(error) ?? StorageFault(error)?.serviceError {
            return try JSONResponse.make(style.body(status: known.status, message: known.message), status: known.status, headers: known.headers)
        }
        if let http = error as? HTTPError {
            let message = http.body ?? http.status.reasonPhrase
            return try JSONResponse.make(style.body(status: http.status, message: message), status: http.status, headers: http.headers)
        }
        context.logger.error("unhandled error", metadata: ["error.type": "\(type(of: error))"])
        return try JSONResponse.make(style.body(status: .internalServerError, message: "Internal server error"), status: .internalServerError)
    }
}
