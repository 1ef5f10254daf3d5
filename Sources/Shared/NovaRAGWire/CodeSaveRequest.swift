import NovaJSON

/// `POST /code/save` body (docs/api.md §2.8) as nova sends it.
package struct CodeSaveRequest: Codable, Sendable, Equatable {
    /// The node prompt.
    package var aiDescription: String
    /// Compact input schema.
    package var inputSchema: [String: JSONValue]
    /// Analysis insights.
    package var insights: [String]
    /// Credential presence flags.
    package var config: [String: JSONValue]
    /// The validated code.
    package var code: String
    /// The node id.
    package var nodeAction: String
    /// First 100 characters of the prompt.
    package var nodeDescription: String
    /// Isolation key.
    package var workflowID: Int?
    /// `success_count`, `created_at`, `libraries_used`, `required_keys`, and any extra members.
    package var metadata: [String: JSONValue]

    /// Creates the body.
    package init(
        aiDescription: String, inputSchema: [String: JSONValue], insights: [String], config: [String: JSONValue], code: String, nodeAction: String,
        nodeDescription: String, workflowID: Int?, metadata: [String: JSONValue]
    ) {
        self.aiDescription = aiDescription
        self.inputSchema = inputSchema
        self.insights = insights
        self.config = config
        self.code = code
        self.nodeAction = nodeAction
        self.nodeDescription = nodeDescription
        self.workflowID = workflowID
        self.metadata = metadata
    }

    enum CodingKeys: String, CodingKey {
        case insights, config, code, metadata
        case aiDescription = "ai_description"
        case inputSchema = "input_schema"
        case nodeAction = "node_action"
        case nodeDescription = "node_description"
        case workflowID = "workflow_id"
    }
}
