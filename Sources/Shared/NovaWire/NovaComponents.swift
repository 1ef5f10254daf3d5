/// `GET /health/components` of nova (docs/api.md §3.2): a live database check plus configuration facts, and (an extension) the
/// sandbox's isolation.
package struct NovaComponents: Codable, Sendable, Equatable {
    /// `healthy` if the database is connected, else `unhealthy`.
    package var status: String
    /// `connected` or `error: <message>`.
    package var database: String
    /// `configured` or `not_configured` (by `E2B_API_KEY`).
    package var e2b: String
    /// `E2B_TEMPLATE_ID`, or null.
    package var e2bTemplateId: String?
    /// State of the task queue: `configured` or `error: <message>`.
    package var celery: String
    /// `configured` or `not_configured` (by `REDIS_URL`).
    package var redis: String
    /// `configured` or `not_configured` (by `RAG_SERVICE_URL`).
    package var ragService: String
    /// Extension: the local sandbox's isolation: `enforced` (namespaces or Landlock), `degraded` (rlimits only,
    /// accepted by `SANDBOX_ISOLATION=rlimits-only`) or `refused` (no isolation works here; node code fails).
    package var sandbox: String
    /// Extension: `namespaces`, `landlock` or `rlimits-only`; null when refused.
    package var sandboxMode: String?
    /// Extension: what is missing and what the sandbox does instead; null when nothing is.
    package var sandboxReason: String?

    /// Creates the document.
    package init(
        database: String, e2b: String, e2bTemplateId: String?, celery: String, redis: String, ragService: String, sandbox: String,
        sandboxMode: String?, sandboxReason: String?
    ) {
        self.status = database == "connected" ? "healthy" : "unhealthy"
        self.database = database
        self.e2b = e2b
        self.e2bTemplateId = e2bTemplateId
        self.celery = celery
        self.redis = redis
        self.ragService = ragService
        self.sandbox = sandbox
        self.sandboxMode = sandboxMode
        self.sandboxReason = sandboxReason
    }

    enum CodingKeys: String, CodingKey {
        case status, database, e2b, celery, redis
        case e2bTemplateId = "e2b_template_id"
        case ragService = "rag_service"
        case sandbox
        case sandboxMode = "sandbox_mode"
        case sandboxReason = "sandbox_reason"
    }

    /// Encodes `e2b_template_id` (and `sandbox_mode`, `sandbox_reason`) as null when absent, as the contract shows it.
    package func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(status, forKey: .status)
        try container.encode(database, forKey: .database)
        try container.encode(e2b, forKey: .e2b)
        try container.encode(e2bTemplateId, forKey: .e2bTemplateId)
        try container.encode(celery, forKey: .celery)
        try container.encode(redis, forKey: .redis)
        try container.encode(ragService, forKey: .ragService)
        try container.encode(sandbox, forKey: .sandbox)
        try container.encode(sandboxMode, forKey: .sandboxMode)
        try container.encode(sandboxReason, forKey: .sandboxReason)
    }
}
