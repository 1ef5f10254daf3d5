import NovaJSON

/// The rule-based check of what node code produced (docs/api.md §4.4), applied to cached and generated code alike.
package enum OutputValidator {
    /// Why an output was rejected.
    package enum Rejection: Error, Equatable, Sendable, CustomStringConvertible {
        /// No key was added or changed.
        case nothingChanged
        /// Every changed key is null or an empty string.
        case onlyEmptyValues([String])
        /// A decision node did not set `context[<node id>]`.
        case decisionNotSet(String)

        /// The message recorded on the chain of work.
        package var description: String {
            switch self {
            case .nothingChanged: "Code executed but did NOT modify context"
            case .onlyEmptyValues(let keys): "Code set only empty values (\(keys.joined(separator: ", ")))"
            case .decisionNotSet(let node): "Decision node \(node) did not set '\(node)' in context"
            }
        }
    }

    /// Checks `updates` against the context before the node; `decisionNodeID` is set for decision nodes.
    package static func check(updates: [String: JSONValue], before: [String: JSONValue], decisionNodeID: String? = nil) -> Rejection? {
        let changed = updates.filter { key, value in !key.hasPrefix("_") && before[key] != value }
        if let node = decisionNodeID, updates[node] == nil { return .decisionNotSet(node) }
        if changed.isEmpty { return .nothingChanged }
        if changed.values.allSatisfy({ $0 == .null || $0 == .string("") }) { return .onlyEmptyValues(changed.keys.sorted()) }
        return nil
    }
}
