import NovaCore
import NovaStorage
import RAGCore

/// The columns of `code_entries` and how a row becomes an entry (free-form members as JSON text).
enum CodeEntryRow {
    static let columns =
        "id, dedup_key, workflow_id, node_action, node_description, ai_description, code, input_schema, insights, config, extra_metadata, "
        + "libraries_used, required_keys, success_count, failure_count, created_at, last_used_at, vector"

    /// The entry and vector of a row with ``columns``.
    static func stored(_ row: SQLRow) throws -> StoredCodeEntry {
        let entry = CodeEntry(
            id: try row.text("id"), aiDescription: try row.text("ai_description"), code: try row.text("code"),
            nodeAction: try row.text("node_action"), nodeDescription: try row.text("node_description"), workflowID: try row.intOrNil("workflow_id"),
            successCount: try row.int("success_count"), failureCount: try row.int("failure_count"), createdAt: try row.text("created_at"),
            lastUsedAt: try row.textOrNil("last_used_at"),
            texts: CodeEntryTexts(
                inputSchema: try row.text("input_schema"), insights: try row.text("insights"), config: try row.text("config"),
                extraMetadata: try row.text("extra_metadata"), librariesUsed: try row.text("libraries_used"),
                requiredKeys: try row.text("required_keys")))
        return StoredCodeEntry(entry: entry, vector: VectorBytes.decode(try row.blob("vector")))
    }
}
