import NovaJSON

/// Builders of the JSON Schema (2020-12, as OpenAPI 3.1 uses it) fragments that describe request and response bodies.
package enum JSONSchema {
    /// Any JSON value.
    package static let any: JSONValue = .object([:])
    /// Any JSON object.
    package static let anyObject: JSONValue = .object(["type": .string("object")])
    /// A boolean.
    package static let boolean: JSONValue = .object(["type": .string("boolean")])
    /// A number (integer or not).
    package static let number: JSONValue = .object(["type": .string("number")])

    /// A string with optional constraints.
    package static func string(
        minLength: Int? = nil, maxLength: Int? = nil, pattern: String? = nil, format: String? = nil, oneOf values: [String]? = nil,
        description: String? = nil
    ) -> JSONValue {
        var schema: [String: JSONValue] = ["type": .string("string")]
        if let minLength { schema["minLength"] = .int(minLength) }
        if let maxLength { schema["maxLength"] = .int(maxLength) }
        if let pattern { schema["pattern"] = .string(pattern) }
        if let format { schema["format"] = .string(format) }
        if let values { schema["enum"] = .array(values.map(JSONValue.string)) }
        if let description { schema["description"] = .string(description) }
        return .object(schema)
    }

    /// An integer, optionally bounded.
    package static func integer(minimum: Int? = nil, maximum: Int? = nil) -> JSONValue {
        var schema: [String: JSONValue] = ["type": .string("integer")]
        if let minimum { schema["minimum"] = .int(minimum) }
        if let maximum { schema["maximum"] = .int(maximum) }
        return .object(schema)
    }

    /// An array of `items`.
    package static func array(_ items: JSONValue) -> JSONValue {
        .object(["type": .string("array"), "items": items])
    }

    /// `schema` or null.
    package static func nullable(_ schema: JSONValue) -> JSONValue {
        .object(["anyOf": .array([schema, .object(["type": .string("null")])])])
    }

    /// A reference to the component schema `name`.
    package static func ref(_ name: String) -> JSONValue {
        .object(["$ref": .string("#/components/schemas/\(name)")])
    }

    /// An object with `properties`; `required` nil means every property is required. `additional` describes other
    /// members (nil: any member allowed).
    package static func object(_ properties: [(String, JSONValue)], required: [String]? = nil, additional: JSONValue? = nil) -> JSONValue {
        var schema: [String: JSONValue] = [
            "type": .string("object"), "properties": .object(Dictionary(properties) { first, _ in first }),
            "required": .array((required ?? properties.map(\.0)).map(JSONValue.string)),
        ]
        if let additional { schema["additionalProperties"] = additional }
        return .object(schema)
    }
}
