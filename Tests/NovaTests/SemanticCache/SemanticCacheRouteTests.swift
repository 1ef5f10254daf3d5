import Foundation
import HTTPTypes
import HummingbirdTesting
import NovaJSON
import RAGCore
import ServiceKit
import Testing

@testable import NovaCore
@testable import NovaRAG

/// The nova-rag `/code/*` routes over the real router, on SQLite and (when available) PostgreSQL.
@Suite("Semantic code cache routes")
struct SemanticCacheRouteTests {
    private func withRAG(
        _ backend: Backend, _ extra: [String: String] = ["EMBEDDING_PROVIDER": "hash"], allowAdmin: Bool = false, directory: TestEnvironment? = nil,
        _ body: @Sendable (any TestClientProtocol) async throws -> Void
    ) async throws {
        try await RAGApp.run(extra.merging(try await backend.environment()) { $1 }, directory: directory, allowAdmin: allowAdmin, body)
    }

    @Test("a saved entry is found again by the same prompt and schema with score ≥ 0.999", arguments: Backend.available)
    func roundTrip(backend: Backend) async throws {
        try await withRAG(backend) { client in
            let (status, saved) = try await client.post("/code/save", CodeCacheFixtures.save(prompt: "Extract the invoice total from the PDF text"))
            #expect(status == .ok)
            #expect(saved?["success"] == .bool(true))
            let id = try #require(saved?["id"]?.stringValue)
            #expect(id.hasPrefix("code_0_"))
            let (_, found) = try await client.post("/code/search", CodeCacheFixtures.search(prompt: "Extract the invoice total from the PDF text"))
            let match = try #require(found?["matches"]?.arrayValue?.first)
            #expect(match["id"]?.stringValue == id)
            #expect(
                (match["score"].flatMap { if case .double(let s) = $0 { s } else if case .int(let i) = $0 { Double(i) } else { nil } } ?? 0) >= 0.999)
            #expect(match["metadata"]?["required_keys"] == .array([.string("pdf_text")]))
            #expect(match["metadata"]?["workflow_id"] == .int(1))
            #expect(match["metadata"]?["failure_count"] == .int(0))
            #expect(found?["count"] == .int(1))
            #expect(found?["error"] == .null)
            #expect(found?["score_type"] == .string("cosine_similarity"))
        }
    }

    @Test("an empty cache answers no matches; threshold and top_k bound the matches", arguments: Backend.available)
    func thresholdAndTopK(backend: Backend) async throws {
        try await withRAG(backend) { client in
            let (_, empty) = try await client.post("/code/search", CodeCacheFixtures.search(prompt: "anything"))
            #expect(empty?["matches"] == .array([]))
            for (index, prompt) in ["read invoice total", "read invoice total amount", "read invoice total amount due"].enumerated() {
                _ = try await client.post("/code/save", CodeCacheFixtures.save(prompt: prompt, code: "print(\(index))", action: "a\(index)"))
            }
            let (_, two) = try await client.post("/code/search", CodeCacheFixtures.search(prompt: "read invoice total", threshold: 0, topK: 2))
            #expect(two?["count"] == .int(2))
            let (_, strict) = try await client.post("/code/search", CodeCacheFixtures.search(prompt: "read invoice total", threshold: 0.999))
            #expect(strict?["count"] == .int(1))
            let (_, none) = try await client.post("/code/search", CodeCacheFixtures.search(prompt: "send an email reply", threshold: 0.9))
            #expect(none?["count"] == .int(0))
        }
    }

    @Test("workflow_id isolates entries; without it every entry is a candidate", arguments: Backend.available)
    func workflowIsolation(backend: Backend) async throws {
        try await withRAG(backend) { client in
            _ = try await client.post("/code/save", CodeCacheFixtures.save(prompt: "sum the amounts", workflowID: 7))
            _ = try await client.post("/code/save", CodeCacheFixtures.save(prompt: "sum the amounts", code: "print(2)", workflowID: nil))
            let (_, seven) = try await client.post("/code/search", CodeCacheFixtures.search(prompt: "sum the amounts", workflowID: 7))
            #expect(seven?["count"] == .int(1))
            #expect(seven?["matches"]?.arrayValue?.first?["metadata"]?["workflow_id"] == .int(7))
            let (_, other) = try await client.post("/code/search", CodeCacheFixtures.search(prompt: "sum the amounts", workflowID: 8))
            #expect(other?["count"] == .int(0))
            let (_, all) = try await client.post("/code/search", CodeCacheFixtures.search(prompt: "sum the amounts"))
            #expect(all?["count"] == .int(2))
        }
    }

    @Test("saving the same code for the same node twice keeps one entry and adds its success count", arguments: Backend.available)
    func deduplication(backend: Backend) async throws {
        try await withRAG(backend) { client in
            let (_, first) = try await client.post("/code/save", CodeCacheFixtures.save(prompt: "parse the sender address"))
            let (_, second) = try await client.post("/code/save", CodeCacheFixtures.save(prompt: "parse the sender address", successCount: 2))
            #expect(first?["id"] == second?["id"])
            let id = try #require(first?["id"]?.stringValue)
            let (_, entry) = try await client.call(.get, "/code/entries/\(id)")
            #expect(entry?["metadata"]?["success_count"] == .int(3))
            #expect(entry?["metadata"]?["last_used_at"]?.stringValue != nil)
            #expect(entry?["score"] == nil)
            let (_, stats) = try await client.call(.get, "/code/stats")
            #expect(stats?["total_codes"] == .int(1))
        }
    }

    @Test("results are counted per entry and an entry that keeps failing is evicted by an admin caller", arguments: Backend.available)
    func feedbackAndEviction(backend: Backend) async throws {
        try await withRAG(backend, allowAdmin: true) { client in
            let (_, saved) = try await client.post("/code/save", CodeCacheFixtures.save(prompt: "insert the invoice row"))
            let id = try #require(saved?["id"]?.stringValue)
            let (_, ok) = try await client.post("/code/entries/\(id)/result", .object(["success": .bool(true)]))
            #expect(ok == .object(["id": .string(id), "success_count": .int(2), "failure_count": .int(0), "deleted": .bool(false)]))
            _ = try await client.post("/code/entries/\(id)/result", .object(["success": .bool(false)]))
            _ = try await client.post("/code/entries/\(id)/result", .object(["success": .bool(false)]))
            let (_, third) = try await client.post("/code/entries/\(id)/result", .object(["success": .bool(false)]))
            #expect(third?["failure_count"] == .int(3))
            #expect(third?["deleted"] == .bool(true))
            let (status, missing) = try await client.call(.get, "/code/entries/\(id)")
            #expect(status == .notFound)
            #expect(missing == .object(["detail": .string("Code entry not found")]))
            let (unknown, _) = try await client.post("/code/entries/nope/result", .object(["success": .bool(true)]))
            #expect(unknown == .notFound)
        }
    }

    @Test("without admin authority, failure reports withhold an entry from searches but never delete it", arguments: Backend.available)
    func feedbackWithoutAdmin(backend: Backend) async throws {
        try await withRAG(backend) { client in
            let prompt = "insert the invoice row"
            let (_, saved) = try await client.post("/code/save", CodeCacheFixtures.save(prompt: prompt))
            let id = try #require(saved?["id"]?.stringValue)
            var last: JSONValue?
            for _ in 0..<3 {
                last = try await client.post("/code/entries/\(id)/result", .object(["success": .bool(false)])).1
            }
            #expect(last?["failure_count"] == .int(3))
            #expect(last?["deleted"] == .bool(false))
            let (status, entry) = try await client.call(.get, "/code/entries/\(id)")
            #expect(status == .ok)
            #expect(entry?["metadata"]?["failure_count"] == .int(3))
            let (_, found) = try await client.post("/code/search", CodeCacheFixtures.search(prompt: prompt))
            #expect(found?["matches"]?.arrayValue == [])
        }
    }

    @Test("stats report the original fields plus failures, workflows and search counters", arguments: Backend.available)
    func stats(backend: Backend) async throws {
        try await withRAG(backend) { client in
            let (_, empty) = try await client.call(.get, "/code/stats")
            #expect(empty?["total_codes"] == .int(0))
            #expect(empty?["actions"] == .array([]))
            _ = try await client.post("/code/save", CodeCacheFixtures.save(prompt: "one", action: "b_action", workflowID: 3))
            _ = try await client.post(
                "/code/save", CodeCacheFixtures.save(prompt: "two", code: "x", action: "a_action", workflowID: 1, successCount: 2))
            _ = try await client.post("/code/search", CodeCacheFixtures.search(prompt: "one"))
            _ = try await client.post("/code/search", CodeCacheFixtures.search(prompt: "zzz qqq"))
            let (_, stats) = try await client.call(.get, "/code/stats")
            #expect(stats?["total_codes"] == .int(2))
            #expect(stats?["actions"] == .array([.string("a_action"), .string("b_action")]))
            #expect(stats?["avg_success_count"] == .double(1.5))
            #expect(stats?["workflows"] == .array([.int(1), .int(3)]))
            #expect(stats?["searches"] == .int(2))
            #expect(stats?["hits"] == .int(1))
            #expect(stats?["hit_rate"] == .double(0.5))
        }
    }

    @Test("delete and clear are admin routes: 403 without RAG_API_KEY, allowed by the flag", arguments: Backend.available)
    func adminWithoutKey(backend: Backend) async throws {
        try await withRAG(backend) { client in
            let (_, saved) = try await client.post("/code/save", CodeCacheFixtures.save(prompt: "x"))
            let id = try #require(saved?["id"]?.stringValue)
            let (clearStatus, clearBody) = try await client.call(.post, "/code/clear")
            #expect(clearStatus == .forbidden)
            #expect(clearBody == .object(["detail": .string("Admin routes disabled: RAG_API_KEY not set")]))
            let (deleteStatus, _) = try await client.call(.delete, "/code/entries/\(id)")
            #expect(deleteStatus == .forbidden)
        }
        try await withRAG(backend, allowAdmin: true) { client in
            let (_, saved) = try await client.post("/code/save", CodeCacheFixtures.save(prompt: "x"))
            let id = try #require(saved?["id"]?.stringValue)
            let (deleteStatus, deleted) = try await client.call(.delete, "/code/entries/\(id)")
            #expect(deleteStatus == .ok)
            #expect(deleted == .object(["success": .bool(true), "id": .string(id)]))
            let (again, _) = try await client.call(.delete, "/code/entries/\(id)")
            #expect(again == .notFound)
            _ = try await client.post("/code/save", CodeCacheFixtures.save(prompt: "y"))
            let (_, cleared) = try await client.call(.post, "/code/clear")
            #expect(cleared?["codes_deleted"] == .int(1))
            #expect(cleared?["message"] == .string("Code cache cleared successfully"))
        }
    }

    @Test("with RAG_API_KEY every route but / and /health needs the bearer token", arguments: Backend.available)
    func serviceToken(backend: Backend) async throws {
        try await withRAG(backend, ["EMBEDDING_PROVIDER": "hash", "RAG_API_KEY": "k-123"]) { client in
            #expect(try await client.call(.get, "/health").0 == .ok)
            #expect(try await client.call(.get, "/").0 == .ok)
            let (status, body) = try await client.call(.get, "/code/stats")
            #expect(status == .unauthorized)
            #expect(body == .object(["detail": .string("Unauthorized")]))
            #expect(try await client.call(.get, "/code/stats", headers: [.authorization: "Bearer wrong"]).0 == .unauthorized)
            let good: HTTPFields = [.authorization: "Bearer k-123"]
            #expect(try await client.call(.get, "/code/stats", headers: good).0 == .ok)
            _ = try await client.post("/code/save", CodeCacheFixtures.save(prompt: "z"), headers: good)
            let (cleared, body2) = try await client.call(.post, "/code/clear", headers: good)
            #expect(cleared == .ok)
            #expect(body2?["codes_deleted"] == .int(1))
        }
    }

    @Test("entries survive a restart of the service on the same store", arguments: Backend.available)
    func persistence(backend: Backend) async throws {
        let env = try TestEnvironment()
        let database = try await backend.environment()
        let extra = database.merging(["EMBEDDING_PROVIDER": "hash"]) { $1 }
        let first = try await NovaRAG.buildApplication(config: RAGConfig(env: env.rag(extra)), logger: TestEnvironment.logger)
        let id: String = try await first.test(.router) { client in
            let (_, saved) = try await client.post("/code/save", CodeCacheFixtures.save(prompt: "compute VAT at 21%"))
            return try #require(saved?["id"]?.stringValue)
        }
        try await RAGApp.run(extra, directory: env) { client in
            let (_, found) = try await client.post("/code/search", CodeCacheFixtures.search(prompt: "compute VAT at 21%"))
            #expect(found?["matches"]?.arrayValue?.first?["id"]?.stringValue == id)
            let (_, health) = try await client.call(.get, "/health")
            #expect(health?["code_cache_entries"] == .int(1))
        }
    }

    @Test("a store made with one model refuses to open with another and names the reindex command")
    func modelMismatch() async throws {
        let env = try TestEnvironment()
        try await RAGApp.run(["EMBEDDING_PROVIDER": "hash"], directory: env) { client in
            _ = try await client.post("/code/save", CodeCacheFixtures.save(prompt: "a"))
        }
        let other = try RAGConfig(
            env: env.rag(["EMBEDDING_PROVIDER": "openai", "OPENAI_API_KEY": "sk-test", "OPENAI_BASE_URL": "http://127.0.0.1:9/v1"]))
        let app = try await NovaRAG.buildApplication(config: other, logger: TestEnvironment.logger)
        let error = await #expect(throws: CodeCacheError.self) {
            try await app.test(.router) { _ in }
        }
        #expect(error?.description.contains("nova-rag reindex") == true)
        #expect(error?.description.contains("hash-bow-1536") == true)
    }
}

@Suite("Re-indexing a store for another model")
struct ReindexTests {
    private static func input(_ prompt: String) -> CodeSaveInput {
        CodeSaveInput(
            aiDescription: prompt, inputSchema: ["pdf_text": .string("str")], insights: [], config: [:], code: "print('ok')",
            nodeAction: "extract_total", nodeDescription: prompt, workflowID: 1, successCount: 1, createdAt: nil, librariesUsed: [],
            requiredKeys: ["pdf_text"], extraMetadata: [:])
    }

    @Test("reindex re-embeds every entry with the new model, after which the store opens and finds them")
    func reindexThenOpen() async throws {
        let store: any CodeEntryStore = MemoryCodeEntryStore()
        let first = try await SemanticCodeCache.open(store: store, embedder: HashEmbedder(), wallClock: SystemWallClock())
        _ = try await first.save(Self.input("total of the invoice"))
        let narrow = FixedDimensionEmbedder()
        await #expect(throws: CodeCacheError.self) {
            _ = try await SemanticCodeCache.open(store: store, embedder: narrow, wallClock: SystemWallClock())
        }
        #expect(try await store.reindex(with: narrow) == 1)
        let cache = try await SemanticCodeCache.open(store: store, embedder: narrow, wallClock: SystemWallClock())
        let outcome = await cache.search(CodeSearchQuery(text: "Prompt: total of the invoice", threshold: 0.5, topK: 5, workflowID: nil))
        #expect(outcome.matches.count == 1)
    }

    @Test("a store whose vectors were made from whole search texts (before canonical prompts) is re-embedded once when opened")
    func legacyEmbeddedText() async throws {
        let store: any CodeEntryStore = MemoryCodeEntryStore()
        let hash = HashEmbedder()
        _ = try await SemanticCodeCache.open(store: store, embedder: hash, wallClock: SystemWallClock()).save(
            Self.input("Add up the amounts of the invoice"))
        #expect(try await store.recordedModel() == EmbeddingModelInfo(of: hash))
        let saved = try #require(try await store.loadAll().first).entry
        let legacy = EmbeddingModelInfo(name: hash.modelName, dimension: hash.dimension, text: SearchText.legacyEmbeddedForm)
        try await store.replaceVectors([saved.id: hash.vector(saved.searchText)], model: legacy)
        #expect(try await store.recordedModel() == legacy)
        let cache = try await SemanticCodeCache.open(store: store, embedder: hash, wallClock: SystemWallClock())
        #expect(try await store.recordedModel() == EmbeddingModelInfo(of: hash))
        let upgraded = try #require(try await store.loadAll().first)
        #expect(upgraded.vector == hash.vector(upgraded.entry.embeddedText))
        #expect(upgraded.vector != hash.vector(saved.searchText))
        let outcome = await cache.search(CodeSearchQuery(text: "Prompt: Sum the amounts of the invoice", threshold: 0.5, topK: 5, workflowID: nil))
        #expect(outcome.matches.count == 1)
    }
}

/// A second deterministic model: the hash embedder folded into 64 dimensions.
private struct FixedDimensionEmbedder: Embedder {
    let modelName = "folded-64"
    let dimension = 64

    func embed(_ texts: [String]) async throws -> [[Float]] {
        texts.map { text in
            var folded = [Float](repeating: 0, count: 64)
            for (index, value) in HashEmbedder().vector(text).enumerated() { folded[index % 64] += value }
            return VectorMath.normalised(folded)
        }
    }
}
