import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import NovaJSON

/// Request bodies for the semantic cache tests.
enum CodeCacheFixtures {
    /// A `/code/save` body as nova sends it.
    static func save(
        prompt: String, code: String = "print('ok')", action: String = "extract_total", workflowID: Int? = 1,
        schema: [String: JSONValue] = ["pdf_text": .string("str")], successCount: Int? = nil
    ) -> JSONValue {
        var metadata: [String: JSONValue] = [
            "created_at": .string("2025-12-01T18:22:03.123456"), "libraries_used": .array([.string("json")]),
            "required_keys": .array([.string("pdf_text")]),
        ]
        if let successCount { metadata["success_count"] = .int(successCount) }
        return .object([
            "ai_description": .string(prompt), "input_schema": .object(schema), "insights": .array([]),
            "config": .object(["has_client_slug": .bool(true)]), "code": .string(code), "node_action": .string(action),
            "node_description": .string(String(prompt.prefix(100))), "workflow_id": workflowID.map(JSONValue.int) ?? .null,
            "metadata": .object(metadata),
        ])
    }

    /// A `/code/search` body with the same search text nova builds.
    static func search(
        prompt: String, schema: [String: JSONValue] = ["pdf_text": .string("str")], threshold: Double? = nil, topK: Int? = nil, workflowID: Int? = nil
    ) -> JSONValue {
        var body: [String: JSONValue] = ["query": .string(searchText(prompt: prompt, schema: schema))]
        if let threshold { body["threshold"] = .double(threshold) }
        if let topK { body["top_k"] = .int(topK) }
        if let workflowID { body["workflow_id"] = .int(workflowID) }
        return .object(body)
    }

    static func searchText(prompt: String, schema: [String: JSONValue]) -> String {
        let keys = schema.keys.sorted().map { "  \"\($0)\": \"\(schema[$0]!.stringValue ?? "")\"" }
        return "Prompt: \(prompt)\n\nInput Schema:\n" + (keys.isEmpty ? "{}" : "{\n" + keys.joined(separator: ",\n") + "\n}")
    }
}

extension JSONValue {
    /// The value as a request body.
    var body: ByteBuffer {
        ByteBuffer(bytes: Array(jsonText.utf8))
    }
}

extension TestClientProtocol {
    /// POSTs a JSON body and returns the status and decoded answer.
    func post(_ uri: String, _ body: JSONValue, headers: HTTPFields = [:]) async throws -> (HTTPResponse.Status, JSONValue?) {
        try await execute(uri: uri, method: .post, headers: headers, body: body.body) { ($0.status, $0.json) }
    }

    /// Sends a body-less request and returns the status and decoded answer.
    func call(_ method: HTTPRequest.Method, _ uri: String, headers: HTTPFields = [:]) async throws -> (HTTPResponse.Status, JSONValue?) {
        try await execute(uri: uri, method: method, headers: headers) { ($0.status, $0.json) }
    }
}
