import Foundation
import Synchronization

/// Typed access to configuration variables, with errors that name the variable.
///
/// Values come from the process environment (or a dictionary in tests). Values of variables whose names
/// look secret are never repeated in error messages.
package struct EnvironmentReader: Sendable {
    /// The raw variables.
    package let values: [String: String]
    /// Where the names of the variables asked for are noted, if anywhere.
    private let log: EnvironmentKeyLog?

    /// Reads the given variables (the process environment by default), noting every name asked for in `log`.
    package init(_ values: [String: String] = ProcessInfo.processInfo.environment, log: EnvironmentKeyLog? = nil) {
        self.values = values
        self.log = log
    }

    /// The value of `key`, or nil when unset or blank. Every typed accessor reads through this one.
    package func string(_ key: String) -> String? {
        log?.note(key)
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

/// The names of the variables configuration readers asked for, set or not: what a service reads, taken from the
/// readers themselves (the deployment-file tests compare it with what docker-compose.yml sets).
package final class EnvironmentKeyLog: Sendable {
    private let names = Mutex<Set<String>>([])

    /// An empty log.
    package init() {}

    /// Notes that `key` was asked for.
    func note(_ key: String) {
        names.withLock { _ = $0.insert(key) }
    }

    /// Every name asked for so far.
    package var keys: Set<String> {
        names.withLock { $0 }
    }
}
