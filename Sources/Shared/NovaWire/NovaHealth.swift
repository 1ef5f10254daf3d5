/// `GET /health` of nova (docs/api.md §3.2): liveness plus the last background check of each component.
package struct NovaHealth: Codable, Sendable, Equatable {
    /// `healthy` while the database answers, jobs can be queued and leased and the embedded store has room; `degraded`
    /// while the database answers but the queue cannot hand out jobs or the store's disk is full or cannot be written; else
    /// `unhealthy`
    /// (always HTTP 200).
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
    /// When the components were last checked, ISO-8601.
    package var checkedAt: String
    /// The job queue: `in_process`, `ok`, or `degraded: <why jobs cannot be leased>`.
    package var queue: String
    /// The embedded store's disk: `ok`, `full: <n> MiB free in <dir>`, `unwritable: <dir> (<reason>)`, or `remote` (PostgreSQL).
    package var storage: String

    /// Creates the document.
    package init(database: String, redis: String, ragService: String, checkedAt: String, queue: String, storage: String) {
        self.status =
            database != "connected" ? "unhealthy" : queue.hasPrefix("degraded") || !StorageState.isWritable(storage) ? "degraded" : "healthy"
        self.queue = queue
        self.storage = storage
        self.database = database
        self.redis = redis
        self.ragService = ragService
        self.checkedAt = checkedAt
    }

    enum CodingKeys: String, CodingKey {
        case status, service, version, database, redis, queue, storage
        case ragService = "rag_service"
        case checkedAt = "checked_at"
    }
}
