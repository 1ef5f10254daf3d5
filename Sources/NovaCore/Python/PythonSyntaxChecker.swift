/// Checks that sources are valid Python 3 syntax without running them (the graph validator's and, later, the code
/// generator's static check).
package protocol PythonSyntaxChecker: Sendable {
    /// One answer per source, in order: nil when it parses, else the error (`<message> (line <n>)`).
    /// Throws ``PythonSyntaxCheckError`` when the check itself cannot run.
    func syntaxErrors(in sources: [String]) async throws -> [String?]
}

/// The syntax check could not run (no interpreter, timeout, unreadable answer); not a verdict on the code.
package struct PythonSyntaxCheckError: Error, Sendable, CustomStringConvertible {
    /// What went wrong.
    package let description: String

    /// Creates the error.
    package init(_ description: String) {
        self.description = description
    }
}
