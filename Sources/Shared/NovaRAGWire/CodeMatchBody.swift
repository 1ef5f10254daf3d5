import NovaJSON

/// One entry of the semantic code cache on the wire (docs/api.md §2.7): a search match, or `GET /code/entries/{id}`
/// without `score`.
package struct CodeMatchBody: Codable, Sendable, Equatable {
    /// Entry id, as returned by `/code/save`.
    package var id: String
    /// Stored code.
    package var code: String
    /// Similarity in [0, 1] (higher is closer), 4 decimals; absent outside search results.
    package var score: Double?
    /// As saved (default `unknown`).
    package var nodeAction: String
    /// As saved.
    package var nodeDescription: String
    /// As saved.
    package var inputSchema: [String: JSONValue]
    /// As saved.
    package var insights: [String]
    /// As saved.
    package var config: [String: JSONValue]
    /// `success_count`, `failure_count`, `created_at`, `last_used_at`, `libraries_used`, `required_keys`, `workflow_id`, …
    package var metadata: [String: JSONValue]

    /// Creates the body.
    package init(
        id: String, code: String, score: Double?, nodeAction: String, nodeDescription: String, inputSchema: [String: JSONValue], insights: [String],
        config: [String: JSONValue], metadata: [String: JSONValue]
    ) {
        self.id = id
        self.code = code
        self.score = score
        self.nodeAction = nodeAction
        self.nodeDescription = nodeDescription
        self.inputSchema = inputSchema
        self.insights = insights
        self.config = config
        self.metadata = metadata
    }

    enum CodingKeys: String, CodingKey {
        case id, code, score, insights, config, metadata
        case nodeAction = "node_action"
        case nodeDescription = "node_description"
        case inputSchema = "input_schema"
    }
}
