import HTTPTypes
import NovaJSON

/// The shape of a service's error bodies, as the contract fixes them.
package enum ErrorStyle: Sendable {
    /// nova: `{"error": "<message>", "status_code": <int>}`.
    case errorAndStatusCode
    /// nova-rag: `{"detail": "<message>"}`.
    case detail

    /// The body for an error with `status` and `message`.
    package func body(status: HTTPResponse.Status, message: String) -> JSONValue {
        switch self {
        case .errorAndStatusCode: .object(["error": .string(message), "status_code": .int(status.code)])
        case .detail: .object(["detail": .string(message)])
        }
    }
}
