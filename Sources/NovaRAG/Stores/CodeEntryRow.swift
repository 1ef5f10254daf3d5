import NovaCore
import NovaJSON

/// The column values of a code entry, shared by the SQLite and PostgreSQL stores (JSON members as text).
struct CodeEntryRow {
    static let columns =
        "id, dedup_key, workflow_id, node_action, node_description, ai_description, code, input_schema, insights, config, extra_metadata, "
        + "libraries_used, required_keys, success_count, failure_count, created_at, last_used_at, vector"

    let entry: CodeEntry
    let vector: [Float]

    var inputSchema: String { JSONValue.object(entry.inputSchema).jsonText }
    var insights: String { JSONValue.array(entry.insights.map(JSONValue.string)).jsonText }
    var config: String { JSONValue.object(entry.config).jsonText }
    var extraMetadata: String { JSONValue.object(entry.extraMetadata).jsonText }
    var librariesUsed: String { JSONValue.array(entry.librariesUsed.map(JSONValue.string)).jsonText }
    var requiredKeys: String { JSONValue.array(entry.requiredKeys.map(JSONValue.string)).jsonText }

    /// Rebuilds an entry from stored column values.
    static func entry(
        id: String, workflowID: Int?, nodeAction: String, nodeDescription: String, aiDescription: String, code: String, inputSchema: String,
        insights: String, config: String, extraMetadata: String, librariesUsed: String, requiredKeys: String, successCount: Int, failureCount: Int,
        createdAt: String, lastUsedAt: String?
    ) -> CodeEntry {
        CodeEntry(
            id: id, aiDescription: aiDescription, inputSchema: object(inputSchema), insights: strings(insights), config: object(config), code: code,
            nodeAction: nodeAction, nodeDescription: nodeDescription, workflowID: workflowID, successCount: successCount,
            failureCount: failureCount, createdAt: createdAt, lastUsedAt: lastUsedAt, librariesUsed: strings(librariesUsed),
            requiredKeys: strings(requiredKeys), extraMetadata: object(extraMetadata))
    }

    private static func object(_ text: String) -> [String: JSONValue] {
        JSONValue(jsonText: text)?.objectValue ?? [:]
    }

    private static func strings(_ text: String) -> [String] {
        JSONValue(jsonText: text)?.arrayValue?.compactMap(\.stringValue) ?? []
    }
}
