/// A configuration value that cannot be used, reported at startup with the name of the variable at fault.
package struct ConfigError: Error, CustomStringConvertible, Sendable {
    /// The environment variable or flag at fault, e.g. `PORT`.
    package let key: String
    /// What was wrong, without the value when the value may be secret.
    package let problem: String

    /// Creates an error for `key`.
    package init(key: String, problem: String) {
        self.key = key
        self.problem = problem
    }

    /// One line naming the variable and the problem.
    package var description: String { "invalid configuration: \(key): \(problem)" }
}
