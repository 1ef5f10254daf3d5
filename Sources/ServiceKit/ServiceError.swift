import HTTPTypes

/// An error with the HTTP status and message a client should see; apps map their domain errors to it.
package struct ServiceError: Error, Sendable {
    /// The response status.
    package let status: HTTPResponse.Status
    /// The message put in the service's error envelope.
    package let message: String
    /// Extra response headers, e.g. `Retry-After` or `Allow`.
    package let headers: HTTPFields

    /// Creates an error answered with `status` and `message`.
    package init(_ status: HTTPResponse.Status, _ message: String, headers: HTTPFields = [:]) {
        self.status = status
        self.message = message
        self.headers = headers
    }
}
