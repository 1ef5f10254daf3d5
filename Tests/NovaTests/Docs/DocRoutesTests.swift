import Foundation
import HTTPTypes
import HummingbirdTesting
import NovaJSON
import RAGCore
import ServiceKit
import Testing

@testable import NovaCore
@testable import NovaRAG

/// `/rag/query`, `/rag/stats` and `/rag/reload` over the real router, on SQLite and (when available) PostgreSQL.
@Suite("Documentation routes")
struct DocRoutesTests {
    private func withRAG(
        _ backend: Backend, env: TestEnvironment? = nil, database: [String: String]? = nil, extra: [String: String] = [:], allowAdmin: Bool = true,
        embedder: (any Embedder)? = nil, _ body: @Sendable (any TestClientProtocol) async throws -> Void
    ) async throws {
        let env = try env ?? TestEnvironment()
        var variables = ["EMBEDDING_PROVIDER": "hash"].merging(extra) { $1 }
        if let database {
            variables.merge(database) { $1 }
        } else {
            variables.merge(try await backend.environment()) { $1 }
        }
        try await RAGApp.run(variables, directory: env, allowAdmin: allowAdmin, embedder: embedder, body)
    }

    private func sample() throws -> TestEnvironment {
        let env = try TestEnvironment()
        try KnowledgeFixture(root: env.knowledge).writeSample()
        return env
    }

    @Test("a query answers the contract's fields plus chunk ids, best first, with scores in [0, 1]", arguments: Backend.available)
    func query(backend: Backend) async throws {
        try await withRAG(backend, env: try sample()) { client in
            try await client.waitUntilHealthy()
            let (status, body) = try await client.post(
                "/rag/query", .object(["query": .string("imaplib unread UNSEEN uid SEARCH"), "top_k": .int(3)]))
            #expect(status == .ok)
            let results = try #require(body?["results"]?.arrayValue)
            #expect(results.count == 3)
            #expect(body?["count"] == .int(3))
            #expect(body?["query"] == .string("imaplib unread UNSEEN uid SEARCH"))
            #expect(body?["score_type"] == .string("rescaled_cosine"))
            let best = results[0]
            #expect(best["source"] == .string("imap"))
            #expect(best["topic"] == .string("imap"))
            #expect(best["file"] == .string("integrations/imap.md"))
            #expect(best["heading_path"] == .array([.string("IMAP"), .string("Searching unread messages")]))
            #expect(best["text"]?.stringValue?.hasPrefix("Searching unread messages (IMAP)\n\n") == true)
            #expect(best["id"]?.stringValue?.hasPrefix("doc_") == true)
            let scores = results.compactMap { $0["score"]?.number }
            #expect(scores.count == 3)
            #expect(scores.allSatisfy { (0...1).contains($0) })
            #expect(scores == scores.sorted(by: >))
            let (_, fallback) = try await client.post("/rag/query", .object(["query": .string("anything at all")]))
            #expect(fallback?["count"] == .int(5))
        }
    }

    @Test("filters by source and topic apply before top_k; unknown filter keys are ignored", arguments: Backend.available)
    func filters(backend: Backend) async throws {
        try await withRAG(backend, env: try sample()) { client in
            try await client.waitUntilHealthy()
            let imapQuestion = JSONValue.string("imaplib unread UNSEEN uid SEARCH")
            let (_, smtp) = try await client.post(
                "/rag/query", .object(["query": imapQuestion, "top_k": .int(5), "filters": .object(["source": .string("smtp"), "other": .int(1)])]))
            #expect(smtp?["count"] == .int(2))
            #expect(smtp?["results"]?.arrayValue?.allSatisfy { $0["source"] == .string("smtp") } == true)
            let (_, contract) = try await client.post(
                "/rag/query", .object(["query": imapQuestion, "filters": .object(["topic": .string("node-contract")])]))
            #expect(contract?["results"]?.arrayValue?.map { $0["file"] } == [.string("nova/node-contract.md")])
            let (_, none) = try await client.post(
                "/rag/query", .object(["query": imapQuestion, "filters": .object(["source": .string("imap"), "topic": .string("smtp")])]))
            #expect(none?["results"] == .array([]))
            let (_, empty) = try await client.post("/rag/query", .object(["query": imapQuestion, "filters": .object([:]), "top_k": .int(20)]))
            #expect(empty?["count"] == .int(5))
        }
    }

    @Test(
        "invalid bodies are 422 naming the field",
        arguments: [
            (JSONValue.object(["query": .string("")]), ["body", "query"]),
            (.object(["top_k": .int(3)]), ["body", "query"]),
            (.object(["query": .int(5)]), ["body", "query"]),
            (.object(["query": .string("x"), "top_k": .int(0)]), ["body", "top_k"]),
            (.object(["query": .string("x"), "top_k": .int(21)]), ["body", "top_k"]),
            (.object(["query": .string("x"), "top_k": .string("5")]), ["body", "top_k"]),
            (.object(["query": .string("x"), "filters": .string("imap")]), ["body", "filters"]),
            (.object(["query": .string("x"), "filters": .object(["source": .int(1)])]), ["body", "filters", "source"]),
            (.array([]), ["body"]),
        ])
    func validation(body: JSONValue, location: [String]) async throws {
        try await withRAG(.sqlite, env: try sample()) { client in
            try await client.waitUntilHealthy()
            let (status, answer) = try await client.post("/rag/query", body)
            #expect(status == .unprocessableContent)
            #expect(answer?["detail"]?.arrayValue?.first?["loc"] == .array(location.map(JSONValue.string)))
        }
    }

    @Test("stats report the contract's fields plus chunks per source, files, model and the last load", arguments: Backend.available)
    func stats(backend: Backend) async throws {
        try await withRAG(backend, env: try sample()) { client in
            try await client.waitUntilHealthy()
            let (status, stats) = try await client.call(.get, "/rag/stats")
            #expect(status == .ok)
            #expect(stats?["total_documents"] == .int(5))
            #expect(stats?["sources"] == .array(["imap", "nova", "smtp"].map(JSONValue.string)))
            #expect(stats?["topics"] == .array(["imap", "node-contract", "smtp"].map(JSONValue.string)))
            #expect(stats?["status"] == .string("ready"))
            #expect(stats?["documents_per_source"] == .object(["imap": .int(2), "nova": .int(1), "smtp": .int(2)]))
            #expect(stats?["files"] == .int(3))
            #expect(stats?["embedding_model"] == .string("hash-bow-1536"))
            #expect(stats?["last_reload"]?["chunks"]?["embedded"] == .int(5))
            let (_, health) = try await client.call(.get, "/health")
            #expect(health?["documents_loaded"] == .int(5))
        }
    }

    @Test("reload applies only the difference and reports it; touching one file re-embeds only its changed chunk", arguments: Backend.available)
    func incrementalReload(backend: Backend) async throws {
        let env = try sample()
        let embedder = CountingEmbedder()
        try await withRAG(backend, env: env, embedder: embedder) { client in
            try await client.waitUntilHealthy()
            embedder.reset()
            let (_, nothing) = try await client.call(.post, "/rag/reload")
            #expect(nothing?["message"] == .string("Documentation reloaded"))
            #expect(nothing?["documents_loaded"] == .int(5))
            #expect(nothing?["chunks"] == .object(["embedded": .int(0), "removed": .int(0), "unchanged": .int(5)]))
            #expect(embedder.embedded.isEmpty)
            let fixture = try KnowledgeFixture(root: env.knowledge)
            try fixture.write(
                "integrations/imap.md",
                "# IMAP\n\n## Connecting to the mailbox\n\nOpen imaplib IMAP4_SSL with host and port 993, then login with the email user and password.\n\n## Searching unread messages\n\nUse uid SEARCH UNSEEN."
            )
            try fixture.remove("nova/node-contract.md")
            let (status, changed) = try await client.call(.post, "/rag/reload")
            #expect(status == .ok)
            #expect(changed?["files"] == .object(["added": .int(0), "changed": .int(1), "removed": .int(1), "unchanged": .int(1)]))
            #expect(changed?["chunks"] == .object(["embedded": .int(1), "removed": .int(2), "unchanged": .int(3)]))
            #expect(changed?["documents_loaded"] == .int(4))
            #expect(embedder.embedded == ["Searching unread messages (IMAP)\n\nUse uid SEARCH UNSEEN."])
            let (_, found) = try await client.post("/rag/query", .object(["query": .string("Use uid SEARCH UNSEEN."), "top_k": .int(1)]))
            #expect(found?["results"]?.arrayValue?.first?["text"] == .string("Searching unread messages (IMAP)\n\nUse uid SEARCH UNSEEN."))
        }
    }

    @Test("reload is an admin route: 403 without RAG_API_KEY, 401 without the token when a key is set")
    func reloadNeedsAdmin() async throws {
        try await withRAG(.sqlite, env: try sample(), allowAdmin: false) { client in
            try await client.waitUntilHealthy()
            let (status, body) = try await client.call(.post, "/rag/reload")
            #expect(status == .forbidden)
            #expect(body == .object(["detail": .string("Admin routes disabled: RAG_API_KEY not set")]))
        }
        try await withRAG(.sqlite, env: try sample(), extra: ["RAG_API_KEY": "k-9"], allowAdmin: false) { client in
            try await client.waitUntilHealthy()
            #expect(try await client.call(.post, "/rag/reload").0 == .unauthorized)
            #expect(try await client.post("/rag/query", .object(["query": .string("x")])).0 == .unauthorized)
            #expect(try await client.call(.post, "/rag/reload", headers: [.authorization: "Bearer k-9"]).0 == .ok)
        }
    }

    @Test("chunks and vectors survive a restart: the second start embeds nothing", arguments: Backend.available)
    func persistence(backend: Backend) async throws {
        let env = try sample()
        let database = try await backend.environment()
        try await withRAG(backend, env: env, database: database) { client in
            try await client.waitUntilHealthy()
        }
        let embedder = CountingEmbedder(dimension: 1536)
        try await withRAG(backend, env: env, database: database, embedder: embedder) { client in
            try await client.waitUntilHealthy()
            let (_, stats) = try await client.call(.get, "/rag/stats")
            #expect(stats?["total_documents"] == .int(5))
            #expect(stats?["last_reload"]?["files"]?["unchanged"] == .int(3))
            #expect(stats?["last_reload"]?["chunks"]?["embedded"] == .int(0))
            #expect(embedder.embedded.isEmpty)
        }
    }

    @Test("until the first load finishes: health says initializing, /rag/query and /rag/reload answer 503, /code/* works")
    func notReadyUntilLoaded() async throws {
        let embedder = HeldEmbedder()
        try await withRAG(.sqlite, env: try sample(), embedder: embedder) { client in
            let (_, health) = try await client.call(.get, "/health")
            #expect(health?["status"] == .string("initializing"))
            #expect(health?["vector_store_ready"] == .bool(false))
            #expect(health?["documents_loaded"] == .int(0))
            let (queryStatus, queryBody) = try await client.post("/rag/query", .object(["query": .string("imap")]))
            #expect(queryStatus == .serviceUnavailable)
            #expect(queryBody == .object(["detail": .string("Vector store not ready yet. Please wait a moment and retry.")]))
            let (reloadStatus, reloadBody) = try await client.call(.post, "/rag/reload")
            #expect(reloadStatus == .serviceUnavailable)
            #expect(reloadBody == .object(["detail": .string("Vector store not ready")]))
            let (_, stats) = try await client.call(.get, "/rag/stats")
            #expect(stats?["status"] == .string("loading"))
            #expect(stats?["total_documents"] == .int(0))
            #expect(try await client.call(.get, "/code/stats").0 == .ok)
            embedder.release()
            try await client.waitUntilHealthy()
            #expect(try await client.post("/rag/query", .object(["query": .string("imap")])).0 == .ok)
        }
    }
}
