/// Any JSON value: workflow contexts, graph definitions, schemas and other free-form objects of the wire contract.
///
/// Numbers keep the integer/float distinction of their source text so that `1` and `1.0` round-trip as written.
package enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])
}

extension JSONValue: Codable {
    /// Decodes any JSON value.
    package init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int.self) {
            self = .int(value)
        } else if let value = try? container.decode(Double.self) {
            self = .double(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    /// Encodes the value as the JSON it stands for.
    package func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .int(let value): try container.encode(value)
        case .double(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }
}

extension JSONValue {
    /// The members of an object, or nil for any other kind of value.
    package var objectValue: [String: JSONValue]? {
        if case .object(let members) = self { return members }
        return nil
    }

    /// The elements of an array, or nil for any other kind of value.
    package var arrayValue: [JSONValue]? {
        if case .array(let elements) = self { return elements }
        return nil
    }

    /// The number of an integer, or nil for any other kind of value.
    package var intValue: Int? {
        if case .int(let number) = self { return number }
        return nil
    }

    /// The number of a float or an integer, or nil for any other kind of value.
    package var doubleValue: Double? {
        switch self {
        case .double(let number): number
        case .int(let number): Double(number)
        case .null, .bool, .string, .array, .object: nil
        }
    }

    /// The text of a string, or nil for any other kind of value.
    package var stringValue: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    /// The member named `key` of an object, or nil.
    package subscript(key: String) -> JSONValue? {
        objectValue?[key]
    }
}
