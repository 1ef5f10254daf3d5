import Foundation
import NovaJSON

/// Replaces secret values with `***REDACTED***` in context snapshots, results and messages (docs/api.md D4).
///
/// A value is secret when its key is (``SecretKeys/isSecret(_:)``), at any depth; and any string equal to a known
/// secret value, or containing one, has it replaced too, so a password copied into another key or quoted in an
/// error message is still hidden. Known values are also found reversed, base64-, hex- or URL-encoded and in any
/// letter case (``SecretVariants``), the transforms node code applies in one line.
package struct SecretRedactor: Sendable {
    /// What replaces a secret.
    package static let mask = "***REDACTED***"
    private let knownValues: [String]

    /// A redactor that also hides these literal values (e.g. the credentials loaded for an execution) and their
    /// transformed forms; values shorter than 4 characters are ignored, since hiding them would garble unrelated text.
    package init(knownSecrets: [String] = []) {
        let variants = knownSecrets.filter { $0.count >= 4 }.flatMap(SecretVariants.of)
        knownValues = Array(Set(variants)).sorted { $0.count > $1.count }
    }

    /// A redactor that hides the secret values found in `context` as well.
    package init(context: [String: JSONValue], extraSecrets: [String] = []) {
        var found = extraSecrets
        for (key, value) in context where SecretKeys.isSecret(key) {
            switch value {
            case .string(let text): found.append(text)
            case .int(let number): found.append(String(number))
            case .null, .bool, .double, .array, .object: found.append(value.jsonText)
            }
        }
        self.init(knownSecrets: found)
    }

    /// `value` with secret members masked.
    package func redact(_ value: JSONValue) -> JSONValue {
        switch value {
        case .object(let members):
            return .object(redact(members))
        case .array(let elements):
            return .array(elements.map(redact))
        case .string(let text):
            return .string(redact(text))
        case .null, .bool, .int, .double:
            return value
        }
    }

    /// `value` with every known secret value replaced inside its strings, keys left alone: for records that are not
    /// context dumps (chain-of-work `ai_metadata`, whose keys such as `tokens_input` are not secrets).
    package func redactValues(_ value: JSONValue) -> JSONValue {
        switch value {
        case .object(let members): .object(members.mapValues(redactValues))
        case .array(let elements): .array(elements.map(redactValues))
        case .string(let text): .string(redact(text))
        case .null, .bool, .int, .double: value
        }
    }

    /// An object with secret members masked.
    package func redact(_ members: [String: JSONValue]) -> [String: JSONValue] {
        var result: [String: JSONValue] = [:]
        for (key, member) in members {
            let isEmpty = member == .null || member == .string("")
            result[key] = SecretKeys.isSecret(key) && !isEmpty ? .string(Self.mask) : redact(member)
        }
        return result
    }

    /// `text` with every known secret value, in any of its forms and any letter case, replaced.
    package func redact(_ text: String) -> String {
        knownValues.reduce(text) { partial, secret in partial.replacingOccurrences(of: secret, with: Self.mask, options: .caseInsensitive) }
    }
}
