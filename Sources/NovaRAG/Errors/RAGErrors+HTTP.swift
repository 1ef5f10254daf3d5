import RAGCore
import ServiceKit

/// Maps nova-rag's route and domain errors to the status and message clients see (docs/api.md §2); used by the
/// error envelope, so no controller builds an error response itself.
enum RAGErrorMapping {
    static func classify(_ error: any Error) -> ServiceError? {
        switch error {
        case let route as RAGRouteError: response(for: route)
        case DocLibraryError.notReady: ServiceError(.serviceUnavailable, DocLibraryError.notReady.description)
        case let refused as CodeCacheError:
            if case .secretInField = refused { ServiceError(.unprocessableContent, refused.description) } else { nil }
        default: nil
        }
    }

    private static func response(for error: RAGRouteError) -> ServiceError {
        switch error {
        case .codeCacheNotReady: ServiceError(.serviceUnavailable, "Code cache service not initialized")
        case .codeEntryNotFound: ServiceError(.notFound, "Code entry not found")
        case .adminDisabled: ServiceError(.forbidden, "Admin routes disabled: RAG_API_KEY not set")
        case .vectorStoreNotReady: ServiceError(.serviceUnavailable, "Vector store not ready")
        case .documentationSearchFailed(let reason): ServiceError(.internalServerError, reason)
        case .documentationReloadFailed(let reason): ServiceError(.internalServerError, "Documentation reload failed: \(reason)")
        }
    }
}
