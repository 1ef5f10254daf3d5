import NovaCore
import NovaJSON

/// One entry of the semantic code cache: validated code for a node, what it is for, and how it has fared.
///
/// The free-form members (schema, insights, config, libraries, required keys, extra metadata) are kept as the JSON
/// text they are stored as and parsed when read: startup loads every entry, a search reads a few.
package struct CodeEntry: Sendable, Equatable {
    /// Opaque id, `code_<count>_<unix time>`.
    package var id: String
    /// The node prompt the code was generated for (embedded with the input schema).
    package var aiDescription: String
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
    /// Whether its reported runs discredit it (``discredits(successCount:failureCount:)``).
    package var isDiscredited: Bool { Self.discredits(successCount: successCount, failureCount: failureCount) }

    /// At least 3 failures and a success rate under 0.7: such code is not served again, and is evicted by a caller
    /// with admin authority.
    package static func discredits(successCount: Int, failureCount: Int) -> Bool {
        failureCount >= 3 && Double(successCount) / Double(successCount + failureCount) < 0.7
    }
    /// As sent by the saver (ISO-8601), or the save time.
    package var createdAt: String
    /// Last reuse or re-save, ISO-8601.
    package var lastUsedAt: String?
    /// The free-form members as JSON text.
    package var texts: CodeEntryTexts

    /// Creates an entry from parsed values.
    package init(
        id: String, aiDescription: String, inputSchema: [String: JSONValue], insights: [String], config: [String: JSONValue], code: String,
        nodeAction: String, nodeDescription: String, workflowID: Int?, successCount: Int, failureCount: Int, createdAt: String,
        lastUsedAt: String?, librariesUsed: [String], requiredKeys: [String], extraMetadata: [String: JSONValue]
    ) {
        let texts = CodeEntryTexts(
            inputSchema: JSONValue.object(inputSchema).jsonText, insights: JSONValue.array(insights.map(JSONValue.string)).jsonText,
            config: JSONValue.object(config).jsonText, extraMetadata: JSONValue.object(extraMetadata).jsonText,
            librariesUsed: JSONValue.array(librariesUsed.map(JSONValue.string)).jsonText,
            requiredKeys: JSONValue.array(requiredKeys.map(JSONValue.string)).jsonText)
        self.init(
            id: id, aiDescription: aiDescription, code: code, nodeAction: nodeAction, nodeDescription: nodeDescription, workflowID: workflowID,
            successCount: successCount, failureCount: failureCount, createdAt: createdAt, lastUsedAt: lastUsedAt, texts: texts)
    }

    /// Creates an entry from stored columns.
    package init(
        id: String, aiDescription: String, code: String, nodeAction: String, nodeDescription: String, workflowID: Int?, successCount: Int,
        failureCount: Int, createdAt: String, lastUsedAt: String?, texts: CodeEntryTexts
    ) {
        self.id = id
        self.aiDescription = aiDescription
        self.code = code
        self.nodeAction = nodeAction
        self.nodeDescription = nodeDescription
        self.workflowID = workflowID
        self.successCount = successCount
        self.failureCount = failureCount
        self.createdAt = createdAt
        self.lastUsedAt = lastUsedAt
        self.texts = texts
    }

    /// Compact input schema: key → type name.
    package var inputSchema: [String: JSONValue] { JSONValue(jsonText: texts.inputSchema)?.objectValue ?? [:] }
    /// Insights printed by analysis code when the code was generated.
    package var insights: [String] { Self.strings(texts.insights) }
    /// Credential presence flags, e.g. `has_db_password: true`.
    package var config: [String: JSONValue] { JSONValue(jsonText: texts.config)?.objectValue ?? [:] }
    /// Top-level modules the code imports.
    package var librariesUsed: [String] { Self.strings(texts.librariesUsed) }
    /// Context keys the code reads.
    package var requiredKeys: [String] { Self.strings(texts.requiredKeys) }
    /// Other metadata members sent by the saver (e.g. `source: "seed"`), returned as sent.
    package var extraMetadata: [String: JSONValue] { JSONValue(jsonText: texts.extraMetadata)?.objectValue ?? [:] }

    /// The search text of this entry (docs/api.md §2.8).
    package var searchText: String {
        SearchText.make(prompt: aiDescription, inputSchema: inputSchema)
    }

    /// The text embedded for this entry: ``SearchText/embedded(_:)`` of its search text.
    package var embeddedText: String {
        SearchText.embedded(searchText)
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

    private static func strings(_ text: String) -> [String] {
        JSONValue(jsonText: text)?.arrayValue?.compactMap(\.stringValue) ?? []
    }
}

/// The free-form members of a code entry as compact JSON text, as both stores keep them.
package struct CodeEntryTexts: Sendable, Equatable {
    /// `input_schema`, an object.
    package var inputSchema: String
    /// `insights`, an array of strings.
    package var insights: String
    /// `config`, an object.
    package var config: String
    /// Extra `metadata` members, an object.
    package var extraMetadata: String
    /// `metadata.libraries_used`, an array of strings.
    package var librariesUsed: String
    /// `metadata.required_keys`, an array of strings.
    package var requiredKeys: String

    /// Creates the texts.
    package init(inputSchema: String, insights: String, config: String, extraMetadata: String, librariesUsed: String, requiredKeys: String) {
        self.inputSchema = inputSchema
        self.insights = insights
        self.config = config
        self.extraMetadata = extraMetadata
        self.librariesUsed = librariesUsed
        self.requiredKeys = requiredKeys
    }

}
