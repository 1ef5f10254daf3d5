import Foundation
import HummingbirdTesting
import NovaJSON
import Testing

@testable import NovaRAG

/// `/rag/query` with the built-in model (`EMBEDDING_PROVIDER=local`) over three files of the real knowledge base.
@Suite("Documentation retrieval with the built-in model")
struct DocRetrievalModelTests {
    private func knowledge() throws -> TestEnvironment {
        let env = try TestEnvironment()
        let source = TestEnvironment.repository.appendingPathComponent("knowledge")
        for file in ["nova/node-contract.md", "integrations/imap.md", "integrations/pdf.md"] {
            let target = env.knowledge.appendingPathComponent(file)
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: source.appendingPathComponent(file), to: target)
        }
        return env
    }

    private func withLocalRAG(_ env: TestEnvironment, _ body: @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        try await RAGApp.run(["EMBEDDING_PROVIDER": "local", "NOVA_MODEL_DIR": TestEnvironment.modelDirectory], directory: env) { client in
            try await client.waitUntilHealthy(seconds: 120)
            try await body(client)
        }
    }

    private func sections(_ answer: JSONValue?) -> [String] {
        answer?["results"]?.arrayValue?.compactMap { $0["heading_path"]?.arrayValue?.last?.stringValue } ?? []
    }

    @Test("questions find their section in the top 3, filters hold, scores stay in [0, 1]; a restart embeds nothing")
    func questionsAndRestart() async throws {
        let env = try knowledge()
        try await withLocalRAG(env) { client in
            let (_, unread) = try await client.post(
                "/rag/query", .object(["query": .string("How do I list the unread emails in the inbox?"), "top_k": .int(3)]))
            #expect(sections(unread).contains("Connecting and searching unread mail"))
            let (_, decision) = try await client.post(
                "/rag/query", .object(["query": .string("How does a decision node choose which edge to follow?"), "top_k": .int(3)]))
            #expect(sections(decision).first == "Decision nodes")
            let (_, pdf) = try await client.post(
                "/rag/query", .object(["query": .string("How do I get the text out of a base64 PDF in the context?"), "top_k": .int(3)]))
            #expect(sections(pdf).contains("Reading a PDF from the context"))
            let (_, filtered) = try await client.post(
                "/rag/query",
                .object([
                    "query": .string("How do I list the unread emails in the inbox?"), "top_k": .int(4),
                    "filters": .object(["source": .string("pdf")]),
                ]))
            let results = filtered?["results"]?.arrayValue ?? []
            #expect(results.count == 4)
            #expect(results.allSatisfy { $0["source"] == .string("pdf") })
            for answer in [unread, decision, pdf, filtered] {
                let scores = answer?["results"]?.arrayValue?.compactMap { $0["score"]?.number } ?? []
                #expect(scores.allSatisfy { (0...1).contains($0) })
                #expect(scores == scores.sorted(by: >))
            }
            let (_, stats) = try await client.call(.get, "/rag/stats")
            #expect(stats?["embedding_model"] == .string("all-MiniLM-L6-v2"))
        }
        try await withLocalRAG(env) { client in
            let (_, stats) = try await client.call(.get, "/rag/stats")
            #expect(stats?["last_reload"]?["chunks"]?["embedded"] == .int(0))
            #expect(stats?["last_reload"]?["files"]?["unchanged"] == .int(3))
        }
    }
}
