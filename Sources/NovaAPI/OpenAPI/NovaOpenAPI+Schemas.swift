import NovaJSON
import ServiceKit

extension NovaOpenAPI {
    static let schemas: [String: JSONValue] = serviceSchemas.merging(workflowSchemas) { first, _ in first }.merging(clientSchemas) { first, _ in first
    }
    .merging(executionSchemas) { first, _ in first }.merging(cacheSchemas) { first, _ in first }.merging(dashboardSchemas) { first, _ in first }

    private static let serviceSchemas: [String: JSONValue] = [
        "Error": S.object([("error", S.string()), ("status_code", S.integer())]),
        "ValidationError": S.object([
            (
                "detail",
                S.array(
                    S.object(
                        [("type", S.string()), ("loc", S.array(S.any)), ("msg", S.string()), ("input", S.any)], required: ["type", "loc", "msg"]))
            )
        ]),
        "Message": S.object([("message", S.string())]),
        "ServiceInfo": S.object([("name", S.string()), ("version", S.string()), ("status", S.string()), ("docs", S.string()), ("redoc", S.string())]),
        "Health": S.object([
            ("status", S.string(oneOf: ["healthy", "degraded", "unhealthy"])), ("service", S.string()), ("version", S.string()),
            ("database", S.string()), ("redis", S.string()), ("rag_service", S.string()), ("checked_at", timestamp), ("queue", S.string()),
            ("storage", S.string()),
        ]),
        "Components": S.object([
            ("status", S.string(oneOf: ["healthy", "unhealthy"])), ("database", S.string()), ("e2b", S.string()), ("e2b_template_id", nullableString),
            ("celery", S.string()), ("redis", S.string()), ("rag_service", S.string()),
            ("sandbox", S.string(oneOf: ["enforced", "degraded", "refused"])),
            ("sandbox_mode", nullableString), ("sandbox_reason", nullableString),
        ]),
        "Metrics": S.object([
            ("timestamp", S.string()),
            (
                "executions",
                block([
                    ("total", S.integer()), ("completed", S.integer()), ("failed", S.integer()), ("pending", S.integer()), ("success_rate", S.number),
                ])
            ),
            (
                "error_rate",
                block([
                    ("period_hours", S.integer()), ("total_executions", S.integer()), ("failed_executions", S.integer()), ("error_rate", S.number),
                ])
            ),
            (
                "circuit_breaker",
                block([("state", S.string()), ("failure_count", S.integer()), ("failure_threshold", S.integer()), ("is_healthy", S.boolean)])
            ),
            ("workflows", block([("total_workflows", S.integer()), ("active_workflows", S.integer())])),
            ("database", block([("connected", S.boolean), ("response_time_ms", nullableNumber)])),
            (
                "cache",
                block(
                    [("total_cached_codes", S.integer()), ("total_cache_hits", S.integer()), ("total_cost_saved_usd", S.number)],
                    optional: [("code_sources", S.ref("CodeSourceStats"))])
            ),
        ]),
        "DetailedHealth": S.object([
            ("healthy", S.boolean),
            ("components", S.object([("database", S.boolean), ("executor", S.boolean), ("error_rate", S.boolean)])),
            ("issues", S.nullable(S.array(S.string()))), ("metrics", S.ref("Metrics")),
        ]),
    ]

    /// A `/metrics` block: its members (required), `optional` ones, and `error` when it could not be read.
    private static func block(_ members: [(String, JSONValue)], optional: [(String, JSONValue)] = []) -> JSONValue {
        S.object(members + optional + [("error", S.string())], required: members.map(\.0))
    }

    private static let workflowSchemas: [String: JSONValue] = [
        "Workflow": S.object([
            ("id", S.integer()), ("name", S.string()), ("description", nullableString), ("graph_definition", S.anyObject), ("created_at", timestamp),
            ("updated_at", timestamp),
        ]),
        "WorkflowList": S.object([("workflows", S.array(S.ref("Workflow"))), ("total", S.integer())]),
        "WorkflowCreate": S.object(
            [("name", S.string(minLength: 1, maxLength: 255)), ("description", nullableString), ("graph_definition", graphDefinition)],
            required: ["name", "graph_definition"]),
        "WorkflowUpdate": S.object(
            [
                ("name", S.nullable(S.string(minLength: 1, maxLength: 255))), ("description", nullableString),
                ("graph_definition", S.nullable(graphDefinition)),
            ], required: []),
        "ExecuteRequest": S.object(
            [("client_slug", S.nullable(S.string(minLength: 1))), ("initial_context", S.nullable(S.anyObject))], required: []),
        "ExecuteAccepted": S.object([
            ("task_id", S.string()), ("status", S.string(oneOf: ["queued"])), ("workflow_id", S.integer()), ("workflow_name", S.string()),
            ("message", S.string()),
        ]),
    ]

    /// `{"nodes": [...], "edges": [...]}` (docs/api.md §3.8); other members are kept and ignored.
    private static let graphDefinition = S.object(
        [
            (
                "nodes",
                S.array(
                    S.object(
                        [
                            ("id", S.string(minLength: 1)), ("type", S.string(oneOf: ["start", "end", "action", "decision"])),
                            ("executor", S.string(oneOf: ["e2b", "cached", "ai"])), ("code", S.string(minLength: 1)),
                            ("prompt", S.string(minLength: 1)),
                            ("timeout", S.integer(minimum: 1, maximum: 300)), ("label", S.string()),
                        ], required: ["id", "type"]))
            ),
            ("edges", S.array(S.object([("from", S.string()), ("to", S.string()), ("condition", S.string())], required: ["from", "to"]))),
        ])
}
