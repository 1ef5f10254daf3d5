import NovaJSON

/// An OpenAPI 3.1 document assembled from operations and component schemas.
package struct OpenAPIDocument: Sendable {
    /// API title.
    package let title: String
    /// API version.
    package let version: String
    /// What the API is, one paragraph.
    package let description: String
    /// Every route.
    package let operations: [OpenAPIOperation]
    /// Named schemas referenced with ``JSONSchema/ref(_:)``.
    package let schemas: [String: JSONValue]
    /// Security schemes; every non-public operation accepts any of them.
    package let securitySchemes: [String: JSONValue]

    /// Creates the document.
    package init(
        title: String, version: String, description: String, operations: [OpenAPIOperation], schemas: [String: JSONValue],
        securitySchemes: [String: JSONValue] = [:]
    ) {
        self.title = title
        self.version = version
        self.description = description
        self.operations = operations
        self.schemas = schemas
        self.securitySchemes = securitySchemes
    }

    /// `METHOD /path` of every operation, to compare with a router.
    package var routes: Set<String> {
        Set(operations.map { "\($0.method) \($0.path)" })
    }

    /// The document as JSON.
    package var json: JSONValue {
        var paths: [String: [String: JSONValue]] = [:]
        for operation in operations {
            paths[operation.path, default: [:]][operation.method.lowercased()] = operation.document
        }
        var components: [String: JSONValue] = ["schemas": .object(schemas)]
        if !securitySchemes.isEmpty { components["securitySchemes"] = .object(securitySchemes) }
        var document: [String: JSONValue] = [
            "openapi": .string("3.1.0"),
            "info": .object(["title": .string(title), "version": .string(version), "description": .string(description)]),
            "paths": .object(paths.mapValues(JSONValue.object)), "components": .object(components),
        ]
        if !securitySchemes.isEmpty { document["security"] = .array(securitySchemes.keys.sorted().map { .object([$0: .array([])]) }) }
        return .object(document)
    }
}
