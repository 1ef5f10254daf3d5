import Foundation

/// Typed access to configuration variables, with errors that name the variable.
///
/// Values come from the process environment (or a dictionary in tests). Values of variables whose names
/// look secret are never repeated in error messages.
package struct EnvironmentReader: Sendable {
    /// The raw variables.
    package let values: [String: String]

    /// Reads the given variables (the process environment by default).
    package init(_ values: [String: String] = ProcessInfo.processInfo.environment) {
        self.values = values
    }

    /// The value of `key`, or nil when unset or blank.
    package func string(_ key: String) -> String? {
        guard let raw = values[key]?.trimmingCharacters(in: .whitespaces), !raw.isEmpty else { return nil }
        return raw
    }

    /// The value of `key`, or `fallback` when unset or blank.
    package func string(_ key: String, default fallback: String) -> String {
        string(key) ?? fallback
    }

    /// An integer in `range`, or `fallback` when unset.
    package func int(_ key: String, default fallback: Int, in range: ClosedRange<Int>) throws -> Int {
        guard let raw = string(key) else { return fallback }
        guard let value = Int(raw), range.contains(value) else {
            throw ConfigError(key: key, problem: "expected an integer from \(range.lowerBound) to \(range.upperBound), got \(shown(key, raw))")
        }
        return value
    }

    /// A number in `range`, or `fallback` when unset.
    package func double(_ key: String, default fallback: Double, in range: ClosedRange<Double>) throws -> Double {
        guard let raw = string(key) else { return fallback }
        guard let value = Double(raw), value.isFinite, range.contains(value) else {
            throw ConfigError(key: key, problem: "expected a number from \(range.lowerBound) to \(range.upperBound), got \(shown(key, raw))")
        }
        return value
    }

    /// A boolean (`true/false`, `1/0`, `yes/no`, `on/off`), or `fallback` when unset.
    package func bool(_ key: String, default fallback: Bool) throws -> Bool {
        guard let raw = string(key) else { return fallback }
        switch raw.lowercased() {
        case "true", "1", "yes", "on": return true
        case "false", "0", "no", "off": return false
        default: throw ConfigError(key: key, problem: "expected true or false, got \(shown(key, raw))")
        }
    }

    /// One of `choices` (compared case-insensitively, returned lower-cased), or `fallback` when unset.
    package func choice(_ key: String, default fallback: String, from choices: [String]) throws -> String {
        guard let raw = string(key) else { return fallback }
        let value = raw.lowercased()
        guard choices.contains(value) else {
            throw ConfigError(key: key, problem: "expected one of \(choices.joined(separator: ", ")), got \(shown(key, raw))")
        }
        return value
    }

    /// A comma-separated list with blank items removed; empty when unset.
    package func list(_ key: String) -> [String] {
        (string(key) ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// The value quoted for an error message, or a placeholder when the variable may hold a secret.
    private func shown(_ key: String, _ raw: String) -> String {
        let secretWords = ["KEY", "SECRET", "TOKEN", "PASSWORD", "URL"]
        return secretWords.contains(where: key.uppercased().contains) ? "a value that is not one" : "\"\(raw)\""
    }
}
