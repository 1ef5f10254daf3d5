import NovaJSON

/// Runs an action or decision node whose code comes from its prompt (executor `cached`): exact cache, semantic
/// cache, generation, each run in the sandbox and validated (docs/api.md §4). The engine calls it and records what it
/// returns on the node's chain-of-work entry.
package protocol PromptNodeExecutor: Sendable {
    /// Resolves, runs and validates code for `request.node`; never throws: failures come back in the outcome.
    func execute(_ request: PromptNodeRequest) async -> PromptNodeOutcome
}

/// One prompt node to run.
package struct PromptNodeRequest: Sendable {
    /// The node (kind `action` or `decision`, executor `cached`, with a prompt).
    package let node: GraphNode
    /// The context before the node, with real credential values (they go to the sandbox only).
    package let context: [String: JSONValue]
    /// The workflow, for cache isolation.
    package let workflowID: Int
    /// The execution, for logs.
    package let executionID: Int
    /// Whether the node may use the network (`"network": false` on the node or workflow turns it off).
    package let network: SandboxNetwork
    /// Hides the execution's secrets in everything recorded.
    package let redactor: SecretRedactor

    /// Creates the request.
    package init(node: GraphNode, context: [String: JSONValue], workflowID: Int, executionID: Int, network: SandboxNetwork, redactor: SecretRedactor)
    {
        self.node = node
        self.context = context
        self.workflowID = workflowID
        self.executionID = executionID
        self.network = network
        self.redactor = redactor
    }
}

/// What running a prompt node produced.
package struct PromptNodeOutcome: Sendable {
    /// The validated context updates; nil when the node failed.
    package let updates: [String: JSONValue]?
    /// The final error when the node failed (redacted).
    package let error: String?
    /// The code that ran last (`code_executed`), or the prompt when no code existed.
    package let code: String
    /// The entry's `ai_metadata` (docs/api.md §4.6), redacted.
    package let aiMetadata: JSONValue
    /// Agent steps, in the order they happened (generation only).
    package let steps: [ChainStepRecord]

    /// Creates the outcome.
    package init(updates: [String: JSONValue]?, error: String?, code: String, aiMetadata: JSONValue, steps: [ChainStepRecord]) {
        self.updates = updates
        self.error = error
        self.code = code
        self.aiMetadata = aiMetadata
        self.steps = steps
    }
}
