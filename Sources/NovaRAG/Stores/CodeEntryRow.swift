import NovaCore
import RAGCore

/// The columns of a code entry, shared by the SQLite and PostgreSQL stores (free-form members as JSON text).
enum CodeEntryRow {
    static let columns =
        "id, dedup_key, workflow_id, node_action, node_description, ai_description, code, input_schema, insights, config, extra_metadata, "
        + "libraries_used, required_keys, success_count, failure_count, created_at, last_used_at, vector"

    /// Rebuilds an entry from stored column values.
    static func entry(
        id: String, workflowID: Int?, nodeAction: String, nodeDescription: String, aiDescription: String, code: String, inputSchema: String,
        insights: String, config: String, extraMetadata: String, librariesUsed: String, requiredKeys: String, successCount: Int, failureCount: Int,
        createdAt: String, lastUsedAt: String?
    ) -> CodeEntry {
        CodeEntry(
            id: id, aiDescription: aiDescription, code: code, nodeAction: nodeAction, nodeDescription: nodeDescription, workflowID: workflowID,
            successCount: successCount, failureCount: failureCount, createdAt: createdAt, lastUsedAt: lastUsedAt,
            texts: CodeEntryTexts(
                inputSchema: inputSchema, insights: insights, config: config, extraMetadata: extraMetadata, librariesUsed: librariesUsed,
                requiredKeys: requiredKeys))
    }
}
