import NovaJSON

/// Finds literal credentials in text: API-key and bearer-token shapes, JWTs, PEM private keys and URLs with a
/// password (docs/api.md §2.8, D4). It reports where, never what.
package enum SecretScanner {
    nonisolated(unsafe) private static let patterns: [Regex<Substring>] = [
        /sk-[A-Za-z0-9_\-]{20,}/,
        /gh[pousr]_[A-Za-z0-9]{30,}/,
        /github_pat_[A-Za-z0-9_]{30,}/,
        /AKIA[0-9A-Z]{16}/,
        /AIza[0-9A-Za-z_\-]{35}/,
        /xox[abposr]-[A-Za-z0-9\-]{10,}/,
        /eyJ[A-Za-z0-9_\-]{8,}\.eyJ[A-Za-z0-9_\-]{8,}\.[A-Za-z0-9_\-]{8,}/,
        /-----BEGIN [A-Z ]*PRIVATE KEY-----/,
        /[A-Za-z][A-Za-z0-9+.\-]*:\/\/[^\/\s:@'"]+:[^\/\s@'"]+@[^\s\/'"]+/,
    ]

    /// Whether `text` contains a literal credential.
    package static func containsSecret(_ text: String) -> Bool {
        patterns.contains { text.contains($0) }
    }

    /// Whether any string inside `value` (keys included) contains a literal credential.
    package static func containsSecret(_ value: JSONValue) -> Bool {
        switch value {
        case .string(let text): containsSecret(text)
        case .array(let elements): elements.contains(where: containsSecret)
        case .object(let members): members.contains { containsSecret($0.key) || containsSecret($0.value) }
        case .null, .bool, .int, .double: false
        }
    }
}
