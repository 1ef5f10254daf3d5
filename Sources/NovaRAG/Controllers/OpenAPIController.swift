import Hummingbird
import NovaJSON
import ServiceKit

/// `GET /openapi.json`, `/docs` and `/redoc` of nova-rag: the OpenAPI 3.1 document of every route it serves (a test
/// keeps it equal to the router).
struct OpenAPIController<Context: RequestContext>: Sendable {
    var routes: RouteCollection<Context> {
        OpenAPIRoutes(document: RAGOpenAPI.document).routes
    }
}

/// nova-rag's OpenAPI document.
enum RAGOpenAPI {
    private typealias S = JSONSchema
    private typealias Answer = OpenAPIOperation.Answer

    static let document = OpenAPIDocument(
        title: "NOVA RAG", version: "1.0.0",
        description: "Semantic code cache of nova. Errors are {\"detail\": \"...\"}; request validation errors are 422 {\"detail\": [...]}. "
            + "With RAG_API_KEY set, every route but / and /health needs Authorization: Bearer <key>; destructive routes need the key.",
        operations: [
            operation("GET", "/", "Service name, version and routes", [(200, .json("Service", S.anyObject))], isPublic: true),
            operation("GET", "/health", "Readiness and collection sizes", [(200, .json("Health", S.ref("Health")))], isPublic: true),
            operation("GET", "/openapi.json", "This document", [(200, .json("OpenAPI 3.1 document", S.anyObject))]),
            operation("GET", "/docs", "This document as an HTML page", [(200, .media("HTML page", ["text/html": S.string()]))]),
            operation("GET", "/redoc", "The same HTML page", [(200, .media("HTML page", ["text/html": S.string()]))]),
            operation(
                "POST", "/code/search", "Entries similar to a prompt and input schema (score: cosine similarity, higher is closer)",
                body: S.ref("SearchRequest"), [(200, .json("Matches", S.ref("SearchResponse"))), invalid, unavailable]),
            operation(
                "POST", "/code/save", "Save validated code (duplicates are merged)", body: S.ref("SaveRequest"),
                [(200, .json("Saved, or success false with the error", S.ref("SaveResponse"))), invalid, unavailable]),
            operation("GET", "/code/stats", "Entry and search counters", [(200, .json("Stats", S.ref("Stats"))), unavailable]),
            operation(
                "POST", "/code/clear", "Delete every entry (admin)",
                [
                    (200, .json("Cleared", S.object([("success", S.boolean), ("message", S.string()), ("codes_deleted", S.integer())]))), forbidden,
                    unavailable,
                ]),
            operation(
                "GET", "/code/entries", "Entries of a workflow (every entry without workflow_id), most recently used first",
                parameters: [
                    query("workflow_id", "Only entries saved for this workflow"), query("limit", "Page size, 1 to 1000 (default 100)"),
                    query("offset", "Entries to skip"),
                ],
                [
                    (
                        200,
                        .json(
                            "Page of entries",
                            S.object([("total", S.integer()), ("limit", S.integer()), ("offset", S.integer()), ("entries", S.array(S.ref("Match")))]))
                    ), invalid, unavailable,
                ]),
            operation(
                "GET", "/code/entries/{id}", "One entry", parameters: [entryID], [(200, .json("Entry", S.ref("Match"))), notFound, unavailable]),
            operation(
                "DELETE", "/code/entries/{id}", "Delete one entry (admin)", parameters: [entryID],
                [(200, .json("Deleted", S.object([("success", S.boolean), ("id", S.string())]))), forbidden, notFound, unavailable]),
            operation(
                "POST", "/code/entries/{id}/result",
                "Report whether a reused entry worked; failing entries are no longer served, and are evicted when the caller has admin authority",
                parameters: [entryID],
                body: S.object(
                    [("success", S.boolean), ("similarity", S.number), ("confirmed", S.boolean), ("guard_conflict", S.boolean)], required: ["success"]
                ),
                [
                    (
                        200,
                        .json(
                            "Counts after the report",
                            S.object([("id", S.string()), ("success_count", S.integer()), ("failure_count", S.integer()), ("deleted", S.boolean)]))
                    ), notFound, invalid, unavailable,
                ]),
            operation(
                "POST", "/code/entries/{id}/verdict", "Record the model's verdict on a candidate, evidence for the error-rate bound",
                parameters: [entryID],
                body: S.object(
                    [("similarity", S.number), ("correct", S.boolean), ("guard_conflict", S.boolean)], required: ["similarity", "correct"]),
                [(200, .json("Recorded", S.object([("id", S.string()), ("outcome", S.string())]))), notFound, invalid, unavailable]),
            operation(
                "POST", "/rag/query", "Documentation chunks nearest to a question (score: max(0, 2·cos − 1))",
                body: S.object(
                    [("query", S.string(minLength: 1)), ("top_k", S.integer(minimum: 1, maximum: 20)), ("filters", S.nullable(S.anyObject))],
                    required: ["query"]),
                [(200, .json("Results", S.anyObject)), invalid, (503, .json("Vector store not ready yet", S.ref("Detail")))]),
            operation("GET", "/rag/stats", "Documentation chunks per source and topic", [(200, .json("Stats", S.anyObject))]),
            operation(
                "POST", "/rag/reload", "Re-read the knowledge folder and apply the difference (admin)",
                [(200, .json("Counts", S.anyObject)), forbidden, (503, .json("Vector store not ready", S.ref("Detail")))]),
        ],
        schemas: schemas, securitySchemes: ["bearerAuth": .object(["type": .string("http"), "scheme": .string("bearer")])])

    private static let entryID = OpenAPIOperation.Parameter("id", in: .path, S.string(), "Entry id returned by /code/save")
    private static func query(_ name: String, _ description: String) -> OpenAPIOperation.Parameter {
        OpenAPIOperation.Parameter(name, in: .query, S.integer(minimum: 0), description)
    }

    private static let invalid: (Int, Answer) = (422, .json("Request validation failed", S.object([("detail", S.array(S.anyObject))])))
    private static let unavailable: (Int, Answer) = (503, .json("Code cache not initialised yet", S.ref("Detail")))
    private static let notFound: (Int, Answer) = (404, .json("Code entry not found", S.ref("Detail")))
    private static let forbidden: (Int, Answer) = (403, .json("Admin routes disabled: RAG_API_KEY not set", S.ref("Detail")))

    private static func operation(
        _ method: String, _ path: String, _ summary: String, parameters: [OpenAPIOperation.Parameter] = [], body: JSONValue? = nil,
        _ responses: [(Int, Answer)], isPublic: Bool = false
    ) -> OpenAPIOperation {
        var all = responses
        if !isPublic {
            all.append((401, .json("Missing or wrong RAG_API_KEY token", S.ref("Detail"))))
            all.append((429, .json("Rate limit or failed-authentication brake", S.ref("Detail"), headers: ["Retry-After": S.integer(minimum: 0)])))
        }
        if body != nil { all.append((413, .json("Body larger than MAX_BODY_BYTES", S.ref("Detail")))) }
        return OpenAPIOperation(
            method, path, summary, tag: "code cache", parameters: parameters, body: body.map { ($0, true) }, responses: all, isPublic: isPublic)
    }

    private static let match = S.object(
        [
            ("id", S.string()), ("code", S.string()), ("score", S.number), ("node_action", S.string()), ("node_description", S.string()),
            ("input_schema", S.anyObject), ("insights", S.array(S.string())), ("config", S.anyObject), ("metadata", S.anyObject),
            ("confidence", S.number), ("decision", S.string()), ("guard_conflict", S.string()),
        ], required: ["id", "code", "node_action", "node_description", "input_schema", "insights", "config", "metadata"])

    private static let schemas: [String: JSONValue] = [
        "Detail": S.object([("detail", S.string())]),
        "Health": S.object([
            ("status", S.string()), ("vector_store_ready", S.boolean), ("documents_loaded", S.integer()), ("code_cache_entries", S.integer()),
            ("persistent_path", S.string()), ("storage", S.string()),
        ]),
        "Match": match,
        "SearchRequest": S.object(
            [
                ("query", S.string(minLength: 1)), ("threshold", S.number), ("top_k", S.integer(minimum: 1, maximum: 20)),
                ("available_keys", S.nullable(S.array(S.string()))), ("workflow_id", S.nullable(S.integer())), ("max_error_rate", S.number),
            ], required: ["query"]),
        "SearchResponse": S.object([
            ("matches", S.array(S.ref("Match"))), ("query", S.string()), ("count", S.integer()), ("threshold", S.number),
            ("error", S.nullable(S.string())), ("score_type", S.string()),
        ]),
        "SaveRequest": S.object(
            [
                ("ai_description", S.string()), ("input_schema", S.anyObject), ("insights", S.array(S.string())), ("config", S.anyObject),
                ("code", S.string(minLength: 1)), ("node_action", S.string()), ("node_description", S.string()),
                ("workflow_id", S.nullable(S.integer())), ("metadata", S.anyObject),
            ], required: ["ai_description", "input_schema", "code", "node_action", "node_description", "metadata"]),
        "SaveResponse": S.object([("success", S.boolean), ("id", S.nullable(S.string())), ("message", S.string()), ("error", S.nullable(S.string()))]
        ),
        "Stats": S.object([
            ("total_codes", S.integer()), ("actions", S.array(S.string())), ("avg_success_count", S.number), ("total_failures", S.integer()),
            ("workflows", S.array(S.integer())), ("searches", S.integer()), ("hits", S.integer()), ("hit_rate", S.number),
            ("rejected_hits", S.integer()), ("search_failures", S.integer()), ("mean_search_latency_ms", S.number),
            ("confirmations_accepted", S.integer()), ("confirmations_rejected", S.integer()), ("served_without_confirmation", S.integer()),
            ("reuse_failures", S.integer()), ("false_hit_estimate", S.number),
        ]),
    ]
}
