import NovaCore
import NovaJSON
import RAGCore
import ServiceKit

/// Validates a `/code/save` body (docs/api.md §2.8) into a ``CodeSaveInput``; every field at fault is named in the 422.
enum CodeSaveRequestReader {
    static func read(_ body: JSONValue) throws -> CodeSaveInput {
        var fields = try BodyFields(body)
        let aiDescription = fields.string("ai_description")
        let inputSchema = fields.object("input_schema")
        let insights = fields.strings("insights") ?? []
        let config = fields.object("config", required: false) ?? [:]
        let code = fields.string("code", minLength: 1)
        let nodeAction = fields.string("node_action")
        let nodeDescription = fields.string("node_description")
        let workflowID = fields.int("workflow_id")
        var metadata = fields.object("metadata") ?? [:]
        var nested = BodyFields(members: metadata, prefix: "metadata")
        let successCount = nested.int("success_count", in: 0...1_000_000) ?? 1
        let createdAt = nested.string("created_at", required: false)
        let libraries = nested.strings("libraries_used") ?? []
        let requiredKeys = nested.strings("required_keys") ?? []
        fields.absorb(nested)
        try fields.validate()
        guard let aiDescription, let inputSchema, let code, let nodeAction, let nodeDescription else { throw RequestValidationError([]) }
        for key in ["success_count", "created_at", "libraries_used", "required_keys", "failure_count", "last_used_at", "workflow_id"] {
            metadata[key] = nil
        }
        return CodeSaveInput(
            aiDescription: aiDescription, inputSchema: inputSchema, insights: insights, config: config, code: code, nodeAction: nodeAction,
            nodeDescription: nodeDescription, workflowID: workflowID, successCount: successCount, createdAt: createdAt, librariesUsed: libraries,
            requiredKeys: requiredKeys.sorted(), extraMetadata: metadata)
    }
}
