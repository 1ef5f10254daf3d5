import NovaJSON

/// One entry of the semantic code cache: validated code for a node, what it is for, and how it has fared.
package struct CodeEntry: Sendable, Equatable {
    /// Opaque id, `code_<count>_<unix time>`.
    package var id: String
    /// The node prompt the code was generated for (embedded with the input schema).
    package var aiDescription: String
    /// Compact input schema: key → type name.
    package var inputSchema: [String: JSONValue]
    /// Insights printed by analysis code when the code was generated.
    package var insights: [String]
    /// Credential presence flags, e.g. `has_db_password: true`.
    package var config: [String: JSONValue]
    /// The Python code.
    package var code: String
    /// The node id the code was generated for.
    package var nodeAction: String
    /// The first 100 characters of the prompt.
    package var nodeDescription: String
    /// Isolation key: only searches with the same workflow id see the entry; nil = no workflow.
    package var workflowID: Int?
    /// Successful runs reported.
    package var successCount: Int
    /// Failed runs reported.
    package var failureCount: Int
    /// As sent by the saver (ISO-8601), or the save time.
    package var createdAt: String
    /// Last reuse or re-save, ISO-8601.
    package var lastUsedAt: String?
    /// Top-level modules the code imports.
    package var librariesUsed: [String]
    /// Context keys the code reads.
    package var requiredKeys: [String]
    /// Other metadata members sent by the saver (e.g. `source: "seed"`), returned as sent.
    package var extraMetadata: [String: JSONValue]

    /// The text that was embedded for this entry.
    package var searchText: String {
        SearchText.make(prompt: aiDescription, inputSchema: inputSchema)
    }

    /// `success / (success + failure)`, 1 when there were no reports.
    package var successRate: Double {
        let total = successCount + failureCount
        return total == 0 ? 1 : Double(successCount) / Double(total)
    }

    /// The `metadata` object of the wire contract.
    package var metadata: [String: JSONValue] {
        var object = extraMetadata
        object["success_count"] = .int(successCount)
        object["failure_count"] = .int(failureCount)
        object["created_at"] = .string(createdAt)
        object["last_used_at"] = lastUsedAt.map(JSONValue.string) ?? .null
        object["libraries_used"] = .array(librariesUsed.map(JSONValue.string))
        object["required_keys"] = .array(requiredKeys.map(JSONValue.string))
        object["workflow_id"] = workflowID.map(JSONValue.int) ?? .null
        return object
    }

    /// Creates an entry.
    package init(
        id: String, aiDescription: String, inputSchema: [String: JSONValue], insights: [String], config: [String: JSONValue], code: String,
        nodeAction: String, nodeDescription: String, workflowID: Int?, successCount: Int, failureCount: Int, createdAt: String,
        lastUsedAt: String?, librariesUsed: [String], requiredKeys: [String], extraMetadata: [String: JSONValue]
    ) {
        self.id = id
        self.aiDescription = aiDescription
        self.inputSchema = inputSchema
        self.insights = insights
        self.config = config
        self.code = code
        self.nodeAction = nodeAction
        self.nodeDescription = nodeDescription
        self.workflowID = workflowID
        self.successCount = successCount
        self.failureCount = failureCount
        self.createdAt = createdAt
        self.lastUsedAt = lastUsedAt
        self.librariesUsed = librariesUsed
        self.requiredKeys = requiredKeys
        self.extraMetadata = extraMetadata
    }
}
