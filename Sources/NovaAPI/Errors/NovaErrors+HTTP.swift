import NovaCore
import ServiceKit

/// Maps nova's domain errors to the status and message clients see (docs/api.md §3); used by the error envelope.
enum NovaErrorMapping {
    static func classify(_ error: any Error) -> ServiceError? {
        switch error {
        case let conflict as StoreConflict: ServiceError(.badRequest, conflict.description)
        case let invalid as GraphValidationError: ServiceError(.badRequest, "Invalid workflow graph: \(invalid.reason)")
        case let unchecked as PythonSyntaxCheckError: ServiceError(.serviceUnavailable, "Cannot check node code: \(unchecked.description)")
        case ClientContextError.clientNotFound(let slug): ServiceError(.notFound, ClientContextError.clientNotFound(slug).description)
        default: nil
        }
    }
}
