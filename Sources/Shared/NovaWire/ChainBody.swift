import NovaJSON

/// `GET /executions/{id}/chain` (docs/api.md §3.5).
package struct ChainBody: Codable, Sendable, Equatable {
    /// The execution.
    package var executionId: Int
    /// `entries.count`.
    package var total: Int
    /// One entry per executed node, in execution order.
    package var entries: [ChainEntryBody]

    /// Creates the body.
    package init(executionId: Int, entries: [ChainEntryBody]) {
        self.executionId = executionId
        self.total = entries.count
        self.entries = entries
    }

    enum CodingKeys: String, CodingKey {
        case total, entries
        case executionId = "execution_id"
    }
}

/// One chain-of-work entry on the wire.
package struct ChainEntryBody: Codable, Sendable, Equatable {
    /// Integer id.
    package var id: Int
    /// The execution.
    package var executionId: Int
    /// The node id.
    package var nodeId: String
    /// `start`, `end`, `action` or `decision`.
    package var nodeType: String
    /// The code that ran, or the prompt; null for start/end.
    @NullEncoded package var codeExecuted: String?
    /// Redacted context before the node.
    package var inputContext: JSONValue
    /// Redacted context after the node.
    package var outputResult: JSONValue
    /// Seconds.
    package var executionTime: Double
    /// `success` or `failed`.
    package var status: String
    /// Why it failed, or null.
    @NullEncoded package var errorMessage: String?
    /// Decision nodes: the lower-cased value, else null.
    @NullEncoded package var decisionResult: String?
    /// Decision nodes: the next node, else null.
    @NullEncoded package var pathTaken: String?
    /// Executor details (docs/api.md §4.6).
    package var aiMetadata: JSONValue
    /// Naive UTC.
    package var timestamp: String
    /// Agent steps in creation order (D23).
    package var steps: [ChainStepBody]

    /// Creates the body.
    package init(
        id: Int, executionId: Int, nodeId: String, nodeType: String, codeExecuted: String?, inputContext: JSONValue, outputResult: JSONValue,
        executionTime: Double, status: String, errorMessage: String?, decisionResult: String?, pathTaken: String?, aiMetadata: JSONValue,
        timestamp: String, steps: [ChainStepBody]
    ) {
        self.id = id
        self.executionId = executionId
        self.nodeId = nodeId
        self.nodeType = nodeType
        self.codeExecuted = codeExecuted
        self.inputContext = inputContext
        self.outputResult = outputResult
        self.executionTime = executionTime
        self.status = status
        self.errorMessage = errorMessage
        self.decisionResult = decisionResult
        self.pathTaken = pathTaken
        self.aiMetadata = aiMetadata
        self.timestamp = timestamp
        self.steps = steps
    }

    enum CodingKeys: String, CodingKey {
        case id, status, timestamp, steps
        case executionId = "execution_id"
        case nodeId = "node_id"
        case nodeType = "node_type"
        case codeExecuted = "code_executed"
        case inputContext = "input_context"
        case outputResult = "output_result"
        case executionTime = "execution_time"
        case errorMessage = "error_message"
        case decisionResult = "decision_result"
        case pathTaken = "path_taken"
        case aiMetadata = "ai_metadata"
    }
}
