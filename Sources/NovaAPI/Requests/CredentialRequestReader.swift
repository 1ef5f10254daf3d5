import NovaCore
import NovaJSON
import ServiceKit

/// Validates credential bodies: `kind`, `name`, `is_primary` and the `values` of the kind's fields
/// (``CredentialKind/fields``). Issues name fields but never echo a value.
enum CredentialRequestReader {
    /// What a create body holds, values still in the clear (sealed by the controller at once).
    struct Create {
        let kind: CredentialKind
        let name: String
        let isPrimary: Bool
        let values: [String: JSONValue]
    }

    /// What an update body holds: value changes (null removes an optional field).
    struct Update {
        let name: String?
        let isPrimary: Bool?
        let values: [String: JSONValue]?
    }

    static func create(_ body: JSONValue) throws -> Create {
        var fields = try BodyFields(body)
        let kind = readKind(&fields)
        let name = fields.string("name", minLength: 1)
        let isPrimary = fields.bool("is_primary", required: false) ?? false
        let values = fields.object("values")
        if let kind, let values { checkValues(values, of: kind, requireAll: true, &fields) }
        try fields.validate()
        guard let kind, let name, let values else { throw RequestValidationError([]) }
        return Create(kind: kind, name: name, isPrimary: isPrimary, values: values)
    }

    /// Reads an update of a credential of `kind`.
    static func update(_ body: JSONValue, kind: CredentialKind) throws -> Update {
        var fields = try BodyFields(body)
        let name = fields.string("name", required: false, minLength: 1)
        let isPrimary = fields.bool("is_primary", required: false)
        let values = fields.object("values", required: false)
        if let values { checkValues(values, of: kind, requireAll: false, &fields) }
        try fields.validate()
        return Update(name: name, isPrimary: isPrimary, values: values)
    }

    /// `current` with `changes` applied (null removes a field); a required field left missing is a 422.
    static func merged(_ current: [String: JSONValue], _ changes: [String: JSONValue], kind: CredentialKind) throws -> [String: JSONValue] {
        var next = current
        for (key, value) in changes { next[key] = value == .null ? nil : value }
        let missing = kind.fields.filter { $0.required && next[$0.name] == nil }
        guard missing.isEmpty else {
            throw RequestValidationError(missing.map { .body("values.\($0.name)", type: "missing", msg: "Field required") })
        }
        return next
    }

    private static func readKind(_ fields: inout BodyFields) -> CredentialKind? {
        guard let text = fields.string("kind") else { return nil }
        guard let kind = CredentialKind(rawValue: text) else {
            fields.fail("kind", type: "enum", msg: "Input should be 'email', 'database' or 'api_key'")
            return nil
        }
        return kind
    }

    private static func checkValues(_ values: [String: JSONValue], of kind: CredentialKind, requireAll: Bool, _ fields: inout BodyFields) {
        let known = Dictionary(uniqueKeysWithValues: kind.fields.map { ($0.name, $0) })
        for key in values.keys.sorted() where known[key] == nil {
            fields.fail("values.\(key)", type: "extra_forbidden", msg: "Not a field of a \(kind.rawValue) credential")
        }
        for field in kind.fields {
            guard let value = values[field.name], value != .null else {
                if requireAll && field.required { fields.fail("values.\(field.name)", type: "missing", msg: "Field required") }
                continue
            }
            if let problem = problem(with: value, as: field.type) { fields.fail("values.\(field.name)", type: problem.type, msg: problem.msg) }
        }
    }

    private static func problem(with value: JSONValue, as type: CredentialField.ValueType) -> (type: String, msg: String)? {
        switch (type, value) {
        case (.string, .string(let text)): text.isEmpty ? ("string_too_short", "String should have at least 1 character") : nil
        case (.string, _): ("string_type", "Input should be a valid string")
        case (.port, .int(let port)): (1...65535).contains(port) ? nil : ("range", "Input should be between 1 and 65535")
        case (.port, _): ("int_type", "Input should be a valid integer")
        case (.strings, .array(let items)): items.allSatisfy { $0.stringValue != nil } ? nil : ("list_type", "Input should be a list of strings")
        case (.strings, _): ("list_type", "Input should be a valid list")
        }
    }
}
