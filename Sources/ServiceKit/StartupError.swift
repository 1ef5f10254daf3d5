/// A dependency that could not be reached or opened at startup; reported as one log line and a non-zero exit.
package struct StartupError: Error, CustomStringConvertible, Sendable {
    /// What failed and why, without secrets.
    package let description: String

    /// Creates the error.
    package init(_ description: String) {
        self.description = description
    }
}
