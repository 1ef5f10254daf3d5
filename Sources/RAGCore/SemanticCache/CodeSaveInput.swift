import NovaJSON

/// A validated `/code/save` request.
package struct CodeSaveInput: Sendable {
    /// The node prompt.
    package var aiDescription: String
    /// Compact input schema.
    package var inputSchema: [String: JSONValue]
    /// Analysis insights.
    package var insights: [String]
    /// Credential presence flags.
    package var config: [String: JSONValue]
    /// The Python code.
    package var code: String
    /// The node id.
    package var nodeAction: String
    /// First 100 characters of the prompt.
    package var nodeDescription: String
    /// Isolation key.
    package var workflowID: Int?
    /// Successes this save stands for (default 1).
    package var successCount: Int
    /// `metadata.created_at`, if sent.
    package var createdAt: String?
    /// `metadata.libraries_used`.
    package var librariesUsed: [String]
    /// `metadata.required_keys`.
    package var requiredKeys: [String]
    /// Other metadata members, kept as sent.
    package var extraMetadata: [String: JSONValue]

    /// Creates the input.
    package init(
        aiDescription: String, inputSchema: [String: JSONValue], insights: [String], config: [String: JSONValue], code: String, nodeAction: String,
        nodeDescription: String, workflowID: Int?, successCount: Int, createdAt: String?, librariesUsed: [String], requiredKeys: [String],
        extraMetadata: [String: JSONValue]
    ) {
        self.aiDescription = aiDescription
        self.inputSchema = inputSchema
        self.insights = insights
        self.config = config
        self.code = code
        self.nodeAction = nodeAction
        self.nodeDescription = nodeDescription
        self.workflowID = workflowID
        self.successCount = successCount
        self.createdAt = createdAt
        self.librariesUsed = librariesUsed
        self.requiredKeys = requiredKeys
        self.extraMetadata = extraMetadata
    }

    /// The first field holding a literal credential, by its wire name, or nil.
    package var fieldWithSecret: String? {
        let fields: [(String, JSONValue)] = [
            ("code", .string(code)), ("config", .object(config)), ("insights", .array(insights.map(JSONValue.string))),
            ("metadata", .object(extraMetadata.merging(["libraries_used": .array(librariesUsed.map(JSONValue.string))]) { $1 })),
            ("ai_description", .string(aiDescription)), ("node_description", .string(nodeDescription)), ("input_schema", .object(inputSchema)),
            ("node_action", .string(nodeAction)),
        ]
        return fields.first { SecretScanner.containsSecret($0.1) }?.0
    }
}
