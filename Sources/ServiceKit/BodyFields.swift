import NovaJSON

/// Reads the members of a JSON request body one by one, collecting a ``ValidationIssue`` for each missing,
/// mistyped or out-of-range field so that a 422 names every field at fault (unknown members are ignored).
package struct BodyFields {
    private let object: [String: JSONValue]
    private let prefix: String
    private var issues: [ValidationIssue] = []

    /// Wraps a decoded body; anything but an object is a 422 at `body`.
    package init(_ body: JSONValue) throws {
        guard let object = body.objectValue else {
            throw RequestValidationError(ValidationIssue(type: "dict_type", loc: [.string("body")], msg: "Input should be a valid dictionary"))
        }
        self.init(members: object, prefix: "")
    }

    /// Wraps a nested object whose issues are located under `prefix` (e.g. `metadata`).
    package init(members: [String: JSONValue], prefix: String) {
        self.object = members
        self.prefix = prefix
    }

    /// Adds the issues of a nested reader.
    package mutating func absorb(_ nested: BodyFields) {
        issues += nested.issues
    }

    /// Throws the collected issues, if any.
    package func validate() throws {
        if !issues.isEmpty { throw RequestValidationError(issues) }
    }

    /// A string of at least `minLength` characters; missing or null is an issue when `required`.
    package mutating func string(_ key: String, required: Bool = true, minLength: Int = 0) -> String? {
        switch object[key] {
        case nil, .null?:
            if required { issues.append(.body(path(key), type: "missing", msg: "Field required")) }
            return nil
        case .string(let text)?:
            guard text.count >= minLength else {
                issues.append(
                    .body(path(key), type: "string_too_short", msg: "String should have at least \(minLength) character\(minLength == 1 ? "" : "s")"))
                return nil
            }
            return text
        default:
            issues.append(.body(path(key), type: "string_type", msg: "Input should be a valid string"))
            return nil
        }
    }

    /// An integer in `range`, nil when absent or null; null is an issue unless `nullable` (a field typed `int`,
    /// not `int | null`, refuses it as the original services' validation did).
    package mutating func int(_ key: String, in range: ClosedRange<Int> = Int.min...Int.max, nullable: Bool = true) -> Int? {
        switch object[key] {
        case nil: return nil
        case .null?:
            if !nullable { issues.append(.body(path(key), type: "int_type", msg: "Input should be a valid integer")) }
            return nil
        case .int(let value)?:
            guard range.contains(value) else {
                issues.append(outOfRange(key, range, input: .int(value)))
                return nil
            }
            return value
        case .double(let value)? where value == value.rounded():
            // A whole number written with a fraction or an exponent, or one beyond 64 bits (which the parser
            // reads as a double): converted only when it fits, so no client number can trap the conversion.
            guard let exact = Int(exactly: value), range.contains(exact) else {
                issues.append(outOfRange(key, range, input: .double(value)))
                return nil
            }
            return exact
        default:
            issues.append(.body(path(key), type: "int_type", msg: "Input should be a valid integer"))
            return nil
        }
    }

    /// A number in `range`, nil when absent or null; null is an issue unless `nullable`.
    package mutating func double(_ key: String, in range: ClosedRange<Double>, nullable: Bool = true) -> Double? {
        let value: Double
        switch object[key] {
        case nil: return nil
        case .null?:
            if !nullable { issues.append(.body(path(key), type: "float_type", msg: "Input should be a valid number")) }
            return nil
        case .int(let number)?: value = Double(number)
        case .double(let number)?: value = number
        default:
            issues.append(.body(path(key), type: "float_type", msg: "Input should be a valid number"))
            return nil
        }
        guard range.contains(value) else {
            issues.append(
                .body(path(key), type: "range", msg: "Input should be between \(range.lowerBound) and \(range.upperBound)", input: .double(value)))
            return nil
        }
        return value
    }

    /// A boolean; missing or null is an issue when `required`.
    package mutating func bool(_ key: String, required: Bool = true) -> Bool? {
        switch object[key] {
        case nil, .null?:
            if required { issues.append(.body(path(key), type: "missing", msg: "Field required")) }
            return nil
        case .bool(let flag)?: return flag
        default:
            issues.append(.body(path(key), type: "bool_type", msg: "Input should be a valid boolean"))
            return nil
        }
    }

    /// An object; missing or null is an issue when `required`.
    package mutating func object(_ key: String, required: Bool = true) -> [String: JSONValue]? {
        switch object[key] {
        case nil, .null?:
            if required { issues.append(.body(path(key), type: "missing", msg: "Field required")) }
            return nil
        case .object(let members)?: return members
        default:
            issues.append(.body(path(key), type: "dict_type", msg: "Input should be a valid dictionary"))
            return nil
        }
    }

    /// An array of strings, nil when absent or null.
    package mutating func strings(_ key: String) -> [String]? {
        switch object[key] {
        case nil, .null?: return nil
        case .array(let elements)?:
            let texts = elements.compactMap(\.stringValue)
            guard texts.count == elements.count else {
                issues.append(.body(path(key), type: "list_type", msg: "Input should be a list of strings"))
                return nil
            }
            return texts
        default:
            issues.append(.body(path(key), type: "list_type", msg: "Input should be a valid list"))
            return nil
        }
    }

    private func outOfRange(_ key: String, _ range: ClosedRange<Int>, input: JSONValue) -> ValidationIssue {
        .body(path(key), type: "range", msg: "Input should be between \(range.lowerBound) and \(range.upperBound)", input: input)
    }

    private func path(_ key: String) -> String {
        prefix.isEmpty ? key : "\(prefix).\(key)"
    }

    /// Records an issue found by the caller.
    package mutating func fail(_ key: String, type: String, msg: String) {
        issues.append(.body(path(key), type: type, msg: msg))
    }
}
