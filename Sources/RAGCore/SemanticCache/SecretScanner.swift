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
    ]

    /// `user:password@host` right after a URL's `://`.
    nonisolated(unsafe) private static let credentialsAfterScheme = /[^\/\s:@'"]+:[^\/\s@'"]+@[^\s\/'"]+/

    /// Whether `text` contains a literal credential.
    package static func containsSecret(_ text: String) -> Bool {
        patterns.contains { text.contains($0) } || containsURLWithPassword(text)
    }

    /// Whether `text` holds a URL with a password, `scheme://user:password@host` (a scheme being a letter followed by
    /// letters, digits, `+`, `.` or `-`). Found from each `://` rather than by one unanchored pattern, whose scheme
    /// part would make the search quadratic in a long run of letters (10,000 letters took 2 s).
    private static func containsURLWithPassword(_ text: String) -> Bool {
        var rest = text[...]
        while let separator = rest.range(of: "://") {
            let scheme = rest[..<separator.lowerBound].reversed().prefix { $0.isASCII && ($0.isLetter || $0.isNumber || "+.-".contains($0)) }
            if scheme.contains(where: \.isLetter), rest[separator.upperBound...].prefixMatch(of: credentialsAfterScheme) != nil {
                return true
            }
            rest = rest[separator.upperBound...]
        }
        return false
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
