import NovaJSON
import ServiceKit

/// nova's OpenAPI 3.1 document: every route of ``addNovaRoutes`` (a test keeps the two equal).
enum NovaOpenAPI {
    typealias S = JSONSchema
    typealias Parameter = OpenAPIOperation.Parameter
    typealias Answer = OpenAPIOperation.Answer

    static let document = OpenAPIDocument(
        title: "NOVA API", version: "0.1.0",
        description: "Workflow orchestrator: workflows whose steps are Python code, clients with encrypted credentials, asynchronous "
            + "execution with a chain of work, and the exact code cache. Errors are {\"error\", \"status_code\"}; request validation "
            + "errors are 422 {\"detail\": [...]}. With NOVA_API_KEYS set, every route but / and /health needs a key.",
        operations: serviceOperations + workflowOperations + executionOperations + clientOperations + cacheOperations + dashboardOperations,
        schemas: schemas,
        securitySchemes: [
            "bearerAuth": .object(["type": .string("http"), "scheme": .string("bearer")]),
            "apiKeyHeader": .object(["type": .string("apiKey"), "in": .string("header"), "name": .string("X-API-Key")]),
        ])

    /// An operation; non-public ones also answer 401 and 429, and ones with a body 413.
    static func operation(
        _ method: String, _ path: String, _ summary: String, tag: String, parameters: [Parameter] = [],
        body: (schema: JSONValue, required: Bool)? = nil,
        _ responses: [(Int, Answer)], isPublic: Bool = false
    ) -> OpenAPIOperation {
        var all = responses
        if !isPublic {
            all.append((401, error("Missing or invalid API key (only when NOVA_API_KEYS is set)")))
            all.append((429, .json("Rate limit exceeded", S.ref("Error"), headers: ["Retry-After": S.integer(minimum: 0)])))
        }
        if body != nil { all.append((413, error("Body larger than MAX_BODY_BYTES"))) }
        return OpenAPIOperation(method, path, summary, tag: tag, parameters: parameters, body: body, responses: all, isPublic: isPublic)
    }

    static func json(_ status: Int, _ description: String, _ schema: JSONValue) -> (Int, Answer) {
        (status, .json(description, schema))
    }

    static func error(_ description: String) -> Answer {
        .json(description, S.ref("Error"))
    }

    static let invalid: (Int, Answer) = (422, .json("Request validation failed", S.ref("ValidationError")))

    static func notFound(_ what: String) -> (Int, Answer) {
        (404, error("\(what) not found"))
    }

    static func id(_ name: String, _ what: String) -> Parameter {
        Parameter(name, in: .path, S.integer(), "Integer id of the \(what)")
    }

    static func query(_ name: String, minimum: Int? = 0, maximum: Int? = nil, _ description: String) -> Parameter {
        Parameter(name, in: .query, S.integer(minimum: minimum, maximum: maximum), description)
    }

    /// A naive UTC timestamp with microseconds, e.g. `2025-12-03T15:00:01.000000`.
    static let timestamp = S.string(pattern: "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\\.[0-9]{6}$")
    static let nullableString = S.nullable(S.string())
    static let nullableInteger = S.nullable(S.integer())
    static let nullableNumber = S.nullable(S.number)
}
