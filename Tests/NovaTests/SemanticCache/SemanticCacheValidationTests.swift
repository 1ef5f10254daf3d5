import Foundation
import HummingbirdTesting
import NIOCore
import NovaJSON
import Testing

@testable import NovaRAG

/// Every 422 of the `/code/*` routes names the field at fault, and nothing is stored.
@Suite("Semantic code cache request validation")
struct SemanticCacheValidationTests {
    private func withRAG(_ body: @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        try await RAGApp.run(["EMBEDDING_PROVIDER": "hash"], body)
    }

    /// A valid `/code/save` body with `members` (JSON text) added.
    private static func saveBody(_ members: String) -> String {
        #"{"ai_description": "a", "input_schema": {}, "code": "x = 1", "node_action": "a", "node_description": "a", "# + members + "}"
    }

    private static func locations(_ body: JSONValue?) -> [[JSONValue]] {
        body?["detail"]?.arrayValue?.compactMap { $0["loc"]?.arrayValue } ?? []
    }

    @Test(
        "search parameters out of range are 422 naming the field",
        arguments: [
            (JSONValue.object(["query": .string("")]), "query"), (.object(["threshold": .double(0.5)]), "query"),
            (.object(["query": .string("q"), "threshold": .double(1.5)]), "threshold"),
            (.object(["query": .string("q"), "threshold": .double(-0.1)]), "threshold"),
            (.object(["query": .string("q"), "top_k": .int(0)]), "top_k"), (.object(["query": .string("q"), "top_k": .int(21)]), "top_k"),
            (.object(["query": .string("q"), "top_k": .string("3")]), "top_k"),
            (.object(["query": .string("q"), "top_k": .null]), "top_k"), (.object(["query": .string("q"), "threshold": .null]), "threshold"),
            (.object(["query": .string("q"), "workflow_id": .string("w")]), "workflow_id"),
            (.object(["query": .string("q"), "available_keys": .string("a")]), "available_keys"),
        ])
    func searchValidation(body: JSONValue, field: String) async throws {
        try await withRAG { client in
            let (status, answer) = try await client.post("/code/search", body)
            #expect(status == .unprocessableContent)
            #expect(Self.locations(answer).contains([.string("body"), .string(field)]))
        }
    }

    @Test("a save missing its required fields is 422 naming each of them, and nothing is stored")
    func saveMissingFields() async throws {
        try await withRAG { client in
            let (status, answer) = try await client.post("/code/save", .object(["code": .string("")]))
            #expect(status == .unprocessableContent)
            let locations = Self.locations(answer)
            for field in ["ai_description", "input_schema", "code", "node_action", "node_description", "metadata"] {
                #expect(locations.contains([.string("body"), .string(field)]), "missing \(field)")
            }
            let (_, stats) = try await client.call(.get, "/code/stats")
            #expect(stats?["total_codes"] == .int(0))
        }
    }

    @Test(
        "numbers beyond 64 bits or written as huge doubles are 422 naming the field, and the service stays up",
        arguments: [
            ("/code/search", #"{"query": "q", "workflow_id": 9223372036854775808}"#, "workflow_id"),
            ("/code/search", #"{"query": "q", "workflow_id": -18446744073709551616}"#, "workflow_id"),
            ("/code/search", #"{"query": "q", "workflow_id": 1e300}"#, "workflow_id"),
            ("/code/search", #"{"query": "q", "top_k": 1e19}"#, "top_k"),
            ("/code/save", Self.saveBody(#""workflow_id": 10000000000000000000, "metadata": {}"#), "workflow_id"),
            ("/code/save", Self.saveBody(#""metadata": {"success_count": 1e400}"#), "metadata.success_count"),
        ])
    func hugeNumbers(uri: String, body: String, field: String) async throws {
        try await withRAG { client in
            let (status, answer) = try await client.execute(uri: uri, method: .post, body: ByteBuffer(string: body)) { ($0.status, $0.json) }
            #expect(status == .unprocessableContent)
            let location = [JSONValue.string("body")] + field.split(separator: ".").map { JSONValue.string(String($0)) }
            #expect(Self.locations(answer).contains(location))
            let (healthStatus, _) = try await client.call(.get, "/health")
            #expect(healthStatus == .ok)
        }
    }

    @Test("malformed JSON and a non-object body are 422 at body")
    func malformedBodies() async throws {
        try await withRAG { client in
            let status = try await client.execute(uri: "/code/search", method: .post, body: ByteBuffer(string: "{not json")) { $0.status }
            #expect(status == .unprocessableContent)
            let (arrayStatus, answer) = try await client.post("/code/save", .array([]))
            #expect(arrayStatus == .unprocessableContent)
            #expect(Self.locations(answer) == [[.string("body")]])
        }
    }

    @Test(
        "a save carrying a literal credential is refused naming the field, never echoing the value",
        arguments: [
            ("code", "api = 'sk-proj-abcdefghijklmnopqrstuvwxyz123456'"), ("code", "conn = 'postgres://admin:hunter2@db.internal/prod'"),
            ("code", "-----BEGIN RSA PRIVATE KEY-----\nMIIE"), ("config", "ghp_abcdefghijklmnopqrstuvwxyz0123456789"),
            ("insights", "token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U"),
            ("metadata", "AKIAIOSFODNN7EXAMPLE"),
        ])
    func secretsRefused(field: String, secret: String) async throws {
        try await withRAG { client in
            guard case .object(var body) = CodeCacheFixtures.save(prompt: "connect to the database") else { return }
            switch field {
            case "code": body["code"] = .string(secret)
            case "config": body["config"] = .object(["token": .string(secret)])
            case "insights": body["insights"] = .array([.string(secret)])
            default: body["metadata"] = .object(["note": .string(secret)])
            }
            let (status, answer) = try await client.post("/code/save", .object(body))
            #expect(status == .unprocessableContent)
            let detail = try #require(answer?["detail"]?.stringValue)
            #expect(detail.contains("'\(field)'"))
            #expect(!detail.contains(secret))
            let (_, stats) = try await client.call(.get, "/code/stats")
            #expect(stats?["total_codes"] == .int(0))
        }
    }
}
