import NovaJSON

/// What running one node produced, before it is merged and recorded.
package struct NodeOutput: Sendable {
    /// The context updates, or why the node failed (not yet redacted).
    package var result: Result<[String: JSONValue], RunFailure>
    /// The code that ran, or the prompt when no code exists; nil for start and end.
    package var code: String?
    /// Executor details for the chain entry (docs/api.md §4.6).
    package var aiMetadata: JSONValue
    /// Agent steps of a prompt node.
    package var steps: [ChainStepRecord]

    /// Creates the output.
    package init(result: Result<[String: JSONValue], RunFailure>, code: String?, aiMetadata: JSONValue = .object([:]), steps: [ChainStepRecord] = [])
    {
        self.result = result
        self.code = code
        self.aiMetadata = aiMetadata
        self.steps = steps
    }
}
