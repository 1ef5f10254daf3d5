/// Why a run stopped without reaching an end node, with the execution `error` text of docs/api.md §3.8.
package struct RunFailure: Sendable, Equatable, Error {
    /// Which of the contract's error texts applies.
    package enum Kind: Sendable, Equatable {
        /// The node's executor reported an error: `Node <id> failed: <detail>`.
        case node
        /// Anything else went wrong while handling the node: `Unexpected error in node <id>: <detail>`.
        case unexpected
        /// The whole run failed (the visit limit): the detail alone.
        case run
    }

    /// Which error text applies.
    package var kind: Kind
    /// The node that failed (`failed_at_node`), or nil for a failure of the whole run.
    package var nodeID: String?
    /// What went wrong, without the node prefix; the failed chain entry's `error_message`.
    package var detail: String

    /// A node's executor reported an error.
    package static func node(_ id: String, _ detail: String) -> RunFailure {
        RunFailure(kind: .node, nodeID: id, detail: detail)
    }

    /// Something other than the executor went wrong while handling a node.
    package static func unexpected(_ id: String, _ detail: String) -> RunFailure {
        RunFailure(kind: .unexpected, nodeID: id, detail: detail)
    }

    /// More visits than the limit.
    package static func visitLimit(_ limit: Int) -> RunFailure {
        RunFailure(kind: .run, nodeID: nil, detail: "Workflow exceeded max iterations (\(limit)). Possible cycle?")
    }

    /// The execution's `error`, e.g. `Node read failed: division by zero`.
    package var message: String {
        switch (kind, nodeID) {
        case (.node, let id?): "Node \(id) failed: \(detail)"
        case (.unexpected, let id?): "Unexpected error in node \(id): \(detail)"
        default: detail
        }
    }
}
