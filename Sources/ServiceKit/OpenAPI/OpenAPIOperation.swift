import NovaJSON

/// One route of an OpenAPI document: what it takes and what it answers.
package struct OpenAPIOperation: Sendable {
    /// Where a parameter is.
    package enum Location: String, Sendable {
        case path, query, header
    }

    /// A parameter.
    package struct Parameter: Sendable {
        let name: String
        let location: Location
        let schema: JSONValue
        let description: String

        /// Creates the parameter (path parameters are always required).
        package init(_ name: String, in location: Location, _ schema: JSONValue, _ description: String) {
            self.name = name
            self.location = location
            self.schema = schema
            self.description = description
        }

        var document: JSONValue {
            .object([
                "name": .string(name), "in": .string(location.rawValue), "required": .bool(location == .path), "schema": schema,
                "description": .string(description),
            ])
        }
    }

    /// A response: a description, its body per media type (none for an empty body), headers, and links telling
    /// clients (and fuzzers) which operations take values from it.
    package struct Answer: Sendable {
        let description: String
        let content: [String: JSONValue]
        let headers: [String: JSONValue]
        var links: [String: JSONValue] = [:]

        /// A JSON body described by `schema`.
        package static func json(_ description: String, _ schema: JSONValue, headers: [String: JSONValue] = [:]) -> Answer {
            Answer(description: description, content: ["application/json": schema], headers: headers)
        }

        /// A body of another media type.
        package static func media(_ description: String, _ content: [String: JSONValue]) -> Answer {
            Answer(description: description, content: content, headers: [:])
        }

        /// No body.
        package static func empty(_ description: String) -> Answer {
            Answer(description: description, content: [:], headers: [:])
        }

        /// This answer with links to the operations `targets` (method and path), whose parameters take the answer's body
        /// members: `[parameter: "<member>"]`.
        package func linking(_ targets: [(method: String, path: String)], parameters: [String: String]) -> Answer {
            var linked = self
            for (method, path) in targets {
                let id = OpenAPIOperation.operationID(method, path)
                linked.links[id] = .object([
                    "operationId": .string(id), "parameters": .object(parameters.mapValues { .string("$response.body#/\($0)") }),
                ])
            }
            return linked
        }

        var document: JSONValue {
            var members: [String: JSONValue] = ["description": .string(description)]
            if !content.isEmpty { members["content"] = .object(content.mapValues { .object(["schema": $0]) }) }
            if !headers.isEmpty { members["headers"] = .object(headers.mapValues { .object(["schema": $0]) }) }
            if !links.isEmpty { members["links"] = .object(links) }
            return .object(members)
        }
    }

    /// Upper-case HTTP method.
    package let method: String
    /// Path with `{name}` parameters, as the router spells it.
    package let path: String
    /// One line.
    package let summary: String
    /// Group shown in the docs.
    package let tag: String
    /// Parameters.
    package let parameters: [Parameter]
    /// The JSON request body, and whether it is required.
    package let body: (schema: JSONValue, required: Bool)?
    /// Answers by status code.
    package let responses: [(Int, Answer)]
    /// Callable without credentials.
    package let isPublic: Bool

    /// Creates the operation.
    package init(
        _ method: String, _ path: String, _ summary: String, tag: String, parameters: [Parameter] = [],
        body: (schema: JSONValue, required: Bool)? = nil,
        responses: [(Int, Answer)], isPublic: Bool = false
    ) {
        self.method = method
        self.path = path
        self.summary = summary
        self.tag = tag
        self.parameters = parameters
        self.body = body
        self.responses = responses
        self.isPublic = isPublic
    }

    /// The operation id of `method path`, e.g. `getWorkflowsWorkflowId`.
    package static func operationID(_ method: String, _ path: String) -> String {
        method.lowercased() + path.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map { $0.capitalized }.joined()
    }

    var document: JSONValue {
        var members: [String: JSONValue] = [
            "summary": .string(summary), "tags": .array([.string(tag)]),
            "operationId": .string(
                method.lowercased() + path.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map { $0.capitalized }.joined()),
            "responses": .object(Dictionary(responses.map { (String($0.0), $0.1.document) }) { first, _ in first }),
        ]
        if !parameters.isEmpty { members["parameters"] = .array(parameters.map(\.document)) }
        if let body {
            members["requestBody"] = .object([
                "required": .bool(body.required), "content": .object(["application/json": .object(["schema": body.schema])]),
            ])
        }
        if isPublic { members["security"] = .array([]) }
        return .object(members)
    }
}
