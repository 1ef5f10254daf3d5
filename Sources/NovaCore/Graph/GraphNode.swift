import NovaJSON

/// A node of a workflow graph (docs/api.md §3.8).
package struct GraphNode: Sendable, Equatable {
    /// The four node types.
    package enum Kind: String, Sendable, CaseIterable {
        /// Where execution begins; exactly one per graph.
        case start
        /// Where execution ends successfully.
        case end
        /// Runs code and merges its result into the context.
        case action
        /// Runs code that sets `context[<id>]`, which selects the outgoing edge.
        case decision
    }

    /// How an action or decision node gets its code.
    package enum Executor: String, Sendable, CaseIterable {
        /// Hand-written `code`, run in the sandbox (the name is kept for compatibility).
        case e2b
        /// Code for `prompt` from the caches or the LLM.
        case cached
        /// Accepted, fails at run time ("not implemented").
        case ai
    }

    /// Non-empty id, unique in the graph.
    package var id: String
    /// Its type.
    package var kind: Kind
    /// Optional display label.
    package var label: String?
    /// For action and decision nodes.
    package var executor: Executor?
    /// Hand-written Python, if any.
    package var code: String?
    /// Plain-language description of what the code must do, if any.
    package var prompt: String?
    /// Seconds, 1 to 300 (default 60).
    package var timeout: Int
    /// Every member of the node's object, including fields the engine ignores (e.g. `model`, `network`).
    package var attributes: [String: JSONValue]

    /// Creates the node.
    package init(
        id: String, kind: Kind, label: String? = nil, executor: Executor? = nil, code: String? = nil, prompt: String? = nil, timeout: Int = 60,
        attributes: [String: JSONValue] = [:]
    ) {
        self.id = id
        self.kind = kind
        self.label = label
        self.executor = executor
        self.code = code
        self.prompt = prompt
        self.timeout = timeout
        self.attributes = attributes
    }
}

/// A directed edge; `condition` selects it after a decision node (compared case-insensitively, D22).
package struct GraphEdge: Sendable, Equatable {
    /// Source node id.
    package var from: String
    /// Target node id.
    package var to: String
    /// The decision value that selects it, or nil.
    package var condition: String?

    /// Creates the edge.
    package init(from: String, to: String, condition: String? = nil) {
        self.from = from
        self.to = to
        self.condition = condition
    }
}
