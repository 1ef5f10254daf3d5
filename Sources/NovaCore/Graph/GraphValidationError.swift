/// Why a graph definition is invalid, in the contract's words (§3.8); the API answers
/// `400 "Invalid workflow graph: <reason>"`.
package struct GraphValidationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The reason, naming the node or edge at fault.
    package let reason: String

    /// Creates the error.
    package init(_ reason: String) {
        self.reason = reason
    }

    /// The reason.
    package var description: String { reason }
}
