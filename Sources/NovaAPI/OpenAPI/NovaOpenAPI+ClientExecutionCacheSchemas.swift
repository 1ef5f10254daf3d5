import NovaJSON
import ServiceKit

extension NovaOpenAPI {
    static let clientSchemas: [String: JSONValue] = [
        "Client": S.object([
            ("id", S.integer()), ("slug", S.string()), ("name", S.string()), ("is_active", S.boolean), ("created_at", timestamp),
            ("updated_at", timestamp),
        ]),
        "ClientList": S.object([("clients", S.array(S.ref("Client"))), ("total", S.integer())]),
        "ClientCreate": S.object(
            [("slug", slug), ("name", S.string(minLength: 1, maxLength: 255)), ("is_active", S.boolean)], required: ["slug", "name"]),
        "ClientUpdate": S.object(
            [("slug", S.nullable(slug)), ("name", S.nullable(S.string(minLength: 1, maxLength: 255))), ("is_active", S.nullable(S.boolean))],
            required: []),
        "Credential": S.object(
            [
                ("id", S.integer()), ("client_id", S.integer()), ("kind", credentialKind), ("name", S.string()), ("is_primary", S.boolean),
                ("created_at", timestamp), ("updated_at", timestamp),
            ], additional: S.boolean),
        "CredentialList": S.object([("client_id", S.integer()), ("credentials", S.array(S.ref("Credential"))), ("total", S.integer())]),
        "CredentialCreate": S.object(
            [("kind", credentialKind), ("name", S.string(minLength: 1)), ("is_primary", S.boolean), ("values", credentialValues)],
            required: ["kind", "name", "values"]),
        "CredentialUpdate": S.object(
            [("name", S.nullable(S.string(minLength: 1))), ("is_primary", S.nullable(S.boolean)), ("values", S.nullable(credentialValues))],
            required: []),
        "DatabaseSchema": S.object([
            ("id", S.integer()), ("client_id", S.integer()), ("database_credential_id", S.integer()), ("table_name", S.string()),
            ("schema_definition", S.anyObject), ("description", nullableString), ("created_at", timestamp), ("updated_at", timestamp),
        ]),
        "DatabaseSchemaList": S.object([("client_id", S.integer()), ("schemas", S.array(S.ref("DatabaseSchema"))), ("total", S.integer())]),
        "DatabaseSchemaCreate": S.object(
            [
                ("database_credential_id", S.integer(minimum: 1)), ("table_name", S.string(minLength: 1)), ("schema_definition", S.anyObject),
                ("description", nullableString),
            ], required: ["database_credential_id", "table_name", "schema_definition"]),
        "DatabaseSchemaUpdate": S.object(
            [
                ("database_credential_id", S.nullable(S.integer(minimum: 1))), ("table_name", S.nullable(S.string(minLength: 1))),
                ("schema_definition", S.nullable(S.anyObject)), ("description", nullableString),
            ], required: []),
    ]

    private static let slug = S.string(pattern: "^[A-Za-z0-9._-]{1,100}$")
    private static let credentialKind = S.string(oneOf: ["email", "database", "api_key"])
    private static let credentialValues = S.object(
        [
            ("email_user", S.string(minLength: 1)), ("email_password", S.string(minLength: 1)), ("imap_host", S.string(minLength: 1)),
            ("imap_port", S.integer(minimum: 1, maximum: 65535)), ("smtp_host", S.string(minLength: 1)),
            ("smtp_port", S.integer(minimum: 1, maximum: 65535)),
            ("sender_whitelist", S.array(S.string())), ("db_host", S.string(minLength: 1)), ("db_port", S.integer(minimum: 1, maximum: 65535)),
            ("db_name", S.string(minLength: 1)), ("db_user", S.string(minLength: 1)), ("db_password", S.string(minLength: 1)),
            ("api_key", S.string(minLength: 1)), ("api_secret", S.string(minLength: 1)),
        ], required: [], additional: .bool(false))

    static let executionSchemas: [String: JSONValue] = [
        "Execution": S.object([
            ("id", S.integer()), ("workflow_id", S.integer()),
            ("status", S.string(oneOf: ["pending", "running", "completed", "failed", "cancelled"])),
            ("started_at", S.nullable(timestamp)), ("completed_at", S.nullable(timestamp)), ("result", S.any), ("error", nullableString),
            ("created_at", timestamp), ("task_id", nullableString), ("client_slug", nullableString), ("cancel_requested", S.boolean),
        ]),
        "ExecutionList": S.object([("executions", S.array(S.ref("Execution"))), ("total", S.integer())]),
        "CancelAccepted": S.object([("execution_id", S.integer()), ("status", S.string()), ("cancel_requested", S.boolean), ("message", S.string())]),
        "TaskStatus": S.object(
            [
                ("task_id", S.string()), ("status", S.string(oneOf: ["PENDING", "STARTED", "RUNNING", "SUCCESS", "FAILURE", "RETRY", "REVOKED"])),
                ("message", S.string()), ("meta", S.any), ("result", S.any), ("execution_id", S.integer()),
                ("workflow_status", S.string(oneOf: ["success", "failed"])), ("error", nullableString),
            ], required: ["task_id", "status", "message"]),
        "Chain": S.object([("execution_id", S.integer()), ("total", S.integer()), ("entries", S.array(S.ref("ChainEntry")))]),
        "ChainEntry": S.object([
            ("id", S.integer()), ("execution_id", S.integer()), ("node_id", S.string()), ("node_type", S.string()), ("code_executed", nullableString),
            ("input_context", S.any), ("output_result", S.any), ("execution_time", S.number), ("status", S.string()),
            ("error_message", nullableString),
            ("decision_result", nullableString), ("path_taken", nullableString), ("ai_metadata", S.any), ("timestamp", timestamp),
            ("steps", S.array(S.ref("ChainStep"))),
        ]),
        "ChainStep": S.object([
            ("id", S.integer()), ("chain_of_work_id", S.integer()), ("step_number", S.integer()), ("step_name", S.string()),
            ("agent_name", S.string()),
            ("attempt_number", S.integer()), ("input_data", S.any), ("output_data", S.any), ("generated_code", nullableString),
            ("sandbox_id", nullableString), ("model_used", nullableString), ("tokens_input", nullableInteger), ("tokens_output", nullableInteger),
            ("cost_usd", nullableNumber), ("tool_calls", S.any), ("status", S.string()), ("error_message", nullableString),
            ("execution_time_ms", S.number), ("timestamp", timestamp),
        ]),
    ]

    private static let cacheEntryMembers: [(String, JSONValue)] = [
        ("id", S.integer()), ("cache_key", S.string()), ("model", S.string()), ("times_reused", S.integer()), ("success_count", S.integer()),
        ("failure_count", S.integer()), ("success_rate", S.number), ("cost_usd", nullableNumber), ("total_cost_saved_usd", S.number),
        ("avg_execution_time_ms", nullableNumber), ("created_at", S.string()), ("last_used_at", nullableString), ("workflow_id", nullableInteger),
        ("node_id", nullableString),
    ]

    private static let cacheStatsRequired = [
        "total_cached_codes", "total_cache_hits", "total_cost_saved_usd", "avg_reuse_per_code", "overall_success_rate", "total_successes",
        "total_failures", "top_codes",
    ]

    static let cacheSchemas: [String: JSONValue] = [
        "CacheEntry": S.object(cacheEntryMembers),
        "CacheEntryDetail": S.object(cacheEntryMembers + [("generated_code", S.string()), ("original_prompt", S.string())]),
        "CacheEntries": S.object([("total", S.integer()), ("limit", S.integer()), ("offset", S.integer()), ("entries", S.array(S.ref("CacheEntry")))]
        ),
        "CacheStats": S.object(
            [
                ("total_cached_codes", S.integer()), ("total_cache_hits", S.integer()), ("total_cost_saved_usd", S.number),
                ("avg_reuse_per_code", S.number),
                ("overall_success_rate", S.number), ("total_successes", S.integer()), ("total_failures", S.integer()),
                (
                    "top_codes",
                    S.array(
                        S.object([
                            ("cache_key", S.string()), ("times_reused", S.integer()), ("success_rate", S.number), ("cost_saved_usd", S.number),
                            ("node_id", nullableString), ("workflow_id", nullableInteger),
                        ]))
                ),
                ("code_sources", S.ref("CodeSourceStats")),
            ], required: cacheStatsRequired),
        "CodeSourceStats": S.object([
            ("total_prompt_nodes", S.integer()), ("generations_avoided", S.integer()), ("hit_rate", S.number), ("tokens_saved", S.integer()),
            ("cost_saved_usd", S.number), ("tokens_spent", S.integer()), ("cost_spent_usd", S.number),
            (
                "by_source",
                S.object(
                    [], required: [],
                    additional: S.object([
                        ("nodes", S.integer()), ("rate", S.number), ("tokens_input", S.integer()), ("tokens_output", S.integer()),
                        ("cost_usd", S.number),
                        ("tokens_saved", S.integer()), ("cost_saved_usd", S.number),
                    ]))
            ),
        ]),
        "CacheCleanup": S.object([("deleted_count", S.integer()), ("days_old", S.integer())]),
    ]
}
