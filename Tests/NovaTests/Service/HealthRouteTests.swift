import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NovaJSON
import Testing

@testable import NovaAPI
@testable import NovaRAG

@Suite("Health routes of both services")
struct HealthRouteTests {
    @Test("nova answers GET /health with the documented fields from its background check")
    func novaHealth() async throws {
        let env = try TestEnvironment()
        let app = try await NovaAPI.buildApplication(config: NovaConfig(env: env.nova()), logger: TestEnvironment.logger)
        try await app.test(.router) { client in
            try await client.execute(uri: "/health", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "application/json; charset=utf-8")
                let body = try #require(response.json)
                #expect(body["status"] == .string("healthy"))
                #expect(body["service"] == .string("NOVA API"))
                #expect(body["version"] == .string("0.1.0"))
                #expect(body["database"] == .string("connected"))
                #expect(body["redis"] == .string("not_configured"))
                #expect(body["rag_service"] == .string("not_configured"))
            }
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.json?["name"] == .string("NOVA API"))
                #expect(response.json?["docs"] == .string("/docs"))
            }
        }
    }

    @Test("nova's /health/components checks the database live and reports what is configured")
    func novaComponents() async throws {
        let env = try TestEnvironment()
        let config = try NovaConfig(env: env.nova(["E2B_API_KEY": "e2b_test", "E2B_TEMPLATE_ID": "tmpl", "RAG_SERVICE_URL": "http://127.0.0.1:9/"]))
        #expect(config.ragServiceURL == "http://127.0.0.1:9")
        let app = try await NovaAPI.buildApplication(config: config, logger: TestEnvironment.logger)
        try await app.test(.router) { client in
            try await client.execute(uri: "/health/components", method: .get) { response in
                let body = try #require(response.json)
                #expect(body["status"] == .string("healthy"))
                #expect(body["database"] == .string("connected"))
                #expect(body["e2b"] == .string("configured"))
                #expect(body["e2b_template_id"] == .string("tmpl"))
                #expect(body["redis"] == .string("not_configured"))
                #expect(body["rag_service"] == .string("configured"))
                #expect(body["sandbox"] == .string("enforced"), "the workers' sandbox: \(body["sandbox_reason"] ?? .null)")
                #expect(body["sandbox_reason"] == .null)
            }
        }
    }

    @Test("nova-rag answers GET /health with readiness, counts and its data path")
    func ragHealth() async throws {
        let env = try TestEnvironment()
        try await RAGApp.run(directory: env) { client in
            try await client.waitUntilHealthy()
            try await client.execute(uri: "/health", method: .get) { response in
                #expect(response.status == .ok)
                let body = try #require(response.json)
                #expect(body["status"] == .string("healthy"))
                #expect(body["vector_store_ready"] == .bool(true))
                #expect(body["documents_loaded"] == .int(0))
                #expect(body["code_cache_entries"] == .int(0))
                #expect(body["persistent_path"] == .string(env.directory.standardizedFileURL.path))
            }
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.json?["service"] == .string("NOVA RAG"))
                #expect(response.json?["endpoints"]?["query"] == .string("POST /rag/query"))
            }
        }
        #expect(FileManager.default.fileExists(atPath: env.directory.appendingPathComponent("nova-rag.sqlite").path))
    }
}
