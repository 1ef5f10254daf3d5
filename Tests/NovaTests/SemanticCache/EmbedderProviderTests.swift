import Foundation
import HummingbirdTesting
import NovaCore
import NovaJSON
import PromptGuard
import Testing

@testable import NovaRAG

@Suite("Embedding providers behind the semantic cache")
struct EmbedderProviderTests {
    @Test("EMBEDDING_PROVIDER=openai calls the OpenAI wire format with the key, and a search finds the saved entry")
    func openAIProvider() async throws {
        let fake = FakeOpenAI()
        try await fake.run { baseURL in
            let env = try TestEnvironment()
            try await RAGApp.run(["EMBEDDING_PROVIDER": "openai", "OPENAI_API_KEY": "sk-test-key", "OPENAI_BASE_URL": baseURL], directory: env) {
                client in
                _ = try await client.post("/code/save", CodeCacheFixtures.save(prompt: "Extract the due date"))
                let (_, found) = try await client.post("/code/search", CodeCacheFixtures.search(prompt: "Extract the due date"))
                #expect(found?["count"] == .int(1))
                fake.failing = true
                let (status, failed) = try await client.post("/code/search", CodeCacheFixtures.search(prompt: "Extract the due date"))
                #expect(status == .ok)
                #expect(failed?["matches"] == .array([]))
                #expect(failed?["error"]?.stringValue?.contains("HTTP 500") == true)
                let (_, notSaved) = try await client.post("/code/save", CodeCacheFixtures.save(prompt: "other", code: "print(9)"))
                #expect(
                    notSaved
                        == .object([
                            "success": .bool(false), "id": .null, "message": .string("Failed to save code"),
                            "error": notSaved?["error"] ?? .null,
                        ]))
                #expect(notSaved?["error"]?.stringValue != nil)
            }
        }
        let first = try #require(fake.requests.first.flatMap { JSONValue(jsonText: $0) })
        #expect(first["model"] == .string("text-embedding-3-small"))
        let embedded = "Prompt: \(PromptGuard().canonicalText(of: "Extract the due date"))\n\nInput Schema:\n{"
        #expect(first["input"]?.arrayValue?.first?.stringValue?.hasPrefix(embedded) == true)
        #expect(fake.authorizationHeaders.allSatisfy { $0 == "Bearer sk-test-key" })
    }

    @Test("the built-in model finds a saved entry by its own text with score ≥ 0.999 and a paraphrase above 0.85")
    func localProvider() async throws {
        let env = try TestEnvironment()
        try await RAGApp.run(["EMBEDDING_PROVIDER": "local", "NOVA_MODEL_DIR": TestEnvironment.modelDirectory], directory: env) { client in
            _ = try await client.post("/code/save", CodeCacheFixtures.save(prompt: "Extract the total amount from the invoice text"))
            _ = try await client.post(
                "/code/save", CodeCacheFixtures.save(prompt: "Send a confirmation email to the sender", code: "print(2)", action: "reply"))
            let (_, same) = try await client.post("/code/search", CodeCacheFixtures.search(prompt: "Extract the total amount from the invoice text"))
            let score = same?["matches"]?.arrayValue?.first?["score"]
            #expect(score.flatMap { if case .double(let s) = $0 { s } else if case .int(let i) = $0 { Double(i) } else { nil } } ?? 0 >= 0.999)
            let (_, paraphrase) = try await client.post(
                "/code/search", CodeCacheFixtures.search(prompt: "Get the invoice's total amount from the text"))
            #expect(paraphrase?["matches"]?.arrayValue?.first?["node_action"] == .string("extract_total"))
            #expect(paraphrase?["count"] == .int(1))
        }
    }
}
