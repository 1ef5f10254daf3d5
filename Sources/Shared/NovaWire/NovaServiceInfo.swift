/// `GET /` of nova.
package struct NovaServiceInfo: Codable, Sendable, Equatable {
    /// Always `NOVA API`.
    package var name = "NOVA API"
    /// The API version, `0.1.0`.
    package var version = "0.1.0"
    /// Always `healthy` (the process answers).
    package var status = "healthy"
    /// Where the API documentation is.
    package var docs = "/docs"
    /// Where the alternative API documentation is.
    package var redoc = "/redoc"

    /// The fixed document.
    package init() {}
}
