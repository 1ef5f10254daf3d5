/// `GET /health` of nova (contract §3.2): liveness plus the last background check of each component.
package struct NovaHealth: Codable, Sendable, Equatable {
    /// `healthy` while the database answers, else `unhealthy` (still HTTP 200).
    package var status: String
    /// Always `NOVA API`.
    package var service = "NOVA API"
    /// The API version.
    package var version = "0.1.0"
    /// `connected` or `error: <message>`.
    package var database: String
    /// `connected`, `unreachable` or `not_configured`.
    package var redis: String
    /// `connected`, `unreachable` or `not_configured`.
    package var ragService: String
    /// (new) When the components were last checked, ISO-8601.
    package var checkedAt: String

    /// Creates the document.
    package init(database: String, redis: String, ragService: String, checkedAt: String) {
        self.status = database == "connected" ? "healthy" : "unhealthy"
        self.database = database
        self.redis = redis
        self.ragService = ragService
        self.checkedAt = checkedAt
    }

    enum CodingKeys: String, CodingKey {
        case status, service, version, database, redis
        case ragService = "rag_service"
        case checkedAt = "checked_at"
    }
}
