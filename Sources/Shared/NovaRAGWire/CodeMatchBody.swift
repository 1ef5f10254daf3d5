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
    /// Extension, searches with `max_error_rate` only: the lower confidence bound (95 %) of the candidate being
    /// correct from its verified outcomes, 4 decimals.
    package var confidence: Double?
    /// Extension, searches with `max_error_rate` only: `serve` (run it without a confirmation) or `confirm`.
    package var decision: String?
    /// Extension, searches with `max_error_rate` only: the prompt guard's reason when it finds the two prompts in
    /// conflict (such candidates are otherwise dropped).
    package var guardConflict: String?

    /// Creates the body.
    package init(
        id: String, code: String, score: Double?, nodeAction: String, nodeDescription: String, inputSchema: [String: JSONValue], insights: [String],
        config: [String: JSONValue], metadata: [String: JSONValue], confidence: Double? = nil, decision: String? = nil, guardConflict: String? = nil
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
        self.confidence = confidence
        self.decision = decision
        self.guardConflict = guardConflict
    }

    enum CodingKeys: String, CodingKey {
        case id, code, score, insights, config, metadata, confidence, decision
        case guardConflict = "guard_conflict"
        case nodeAction = "node_action"
        case nodeDescription = "node_description"
        case inputSchema = "input_schema"
    }
}
