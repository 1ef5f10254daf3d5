import NovaJSON
import ServiceKit

/// The routes added for the dashboard (issue 23), usable by any client: queue figures, the daily code-source history
/// and nova-rag's entries of a workflow through nova.
extension NovaOpenAPI {
    static let dashboardOperations: [OpenAPIOperation] = [
        operation(
            "GET", "/health/queue", "This process's queue and workers, tasks waiting for a worker, running executions", tag: "service",
            [json(200, "Queue", S.ref("QueueStatus"))]),
        operation(
            "GET", "/cache/code-sources/daily", "Prompt nodes by code source per UTC day (days with none are left out)", tag: "cache",
            parameters: [query("days", minimum: 1, maximum: 366, "Days up to today (default 30)")],
            [json(200, "Days, oldest first", S.ref("CodeSourceDaily")), invalid]),
        operation(
            "GET", "/cache/semantic/entries", "nova-rag's entries of a workflow, most recently used first (nova sends RAG_API_KEY)", tag: "cache",
            parameters: [
                query("workflow_id", minimum: 1, "The workflow (required)"), query("limit", minimum: 1, maximum: 1000, "Page size (default 100)"),
                query("offset", "Entries to skip"),
            ],
            [
                json(200, "Page of entries", S.ref("SemanticEntries")), invalid, (502, error("nova-rag failed or is unreachable")),
                (503, error("RAG_SERVICE_URL is not set")),
            ]),
        operation(
            "DELETE", "/cache/semantic/entries/{entry_id}", "Delete a nova-rag entry (nova sends RAG_API_KEY)", tag: "cache",
            parameters: [Parameter("entry_id", in: .path, S.string(), "Entry id (nova-rag's)")],
            [
                (204, .empty("Deleted")), (403, error("nova-rag refuses admin calls")), notFound("Code entry"),
                (502, error("nova-rag failed or is unreachable")), (503, error("RAG_SERVICE_URL is not set")),
            ]),
    ]

    static let dashboardSchemas: [String: JSONValue] = [
        "QueueStatus": S.object([
            ("queue", S.string(oneOf: ["in_process", "redis"])), ("workers", S.integer()), ("queue_depth", S.integer()),
            ("tasks_in_progress", S.integer()), ("running_executions", S.integer()),
        ]),
        "CodeSourceDaily": S.object([
            ("period_days", S.integer()),
            ("days", S.array(S.object([("day", S.string()), ("stats", S.ref("CodeSourceStats"))]))),
        ]),
        "SemanticEntries": S.object([
            ("total", S.integer()), ("limit", S.integer()), ("offset", S.integer()),
            (
                "entries",
                S.array(
                    S.object([
                        ("id", S.string()), ("code", S.string()), ("node_action", S.string()), ("node_description", S.string()),
                        ("input_schema", S.anyObject), ("insights", S.array(S.string())), ("config", S.anyObject), ("metadata", S.anyObject),
                    ]))
            ),
        ]),
    ]
}
