import Foundation
import HummingbirdTesting
import NovaJSON
import Testing

@testable import NovaRAG

/// The outcomes nova-rag's error-rate bound learns from, over the real router: recorded by `/verdict` and `/result`,
/// read by `/code/search` with `max_error_rate`, counted by `/code/stats`, kept across a restart and shared by
/// replicas on one PostgreSQL.
@Suite("Semantic cache outcomes and the error-rate bound")
struct HitOutcomeRouteTests {
    private static let prompt = "Extract the invoice total from the PDF text"
    private static let hash = ["EMBEDDING_PROVIDER": "hash"]

    /// A bounded search for ``prompt`` in workflow 1 at δ = 0.25; its first match.
    private static func bounded(_ client: any TestClientProtocol, prompt: String = prompt) async throws -> JSONValue? {
        var body = CodeCacheFixtures.search(prompt: prompt, threshold: 0, workflowID: 1)
        if case .object(var members) = body {
            members["max_error_rate"] = .double(0.25)
            body = .object(members)
        }
        return try await client.post("/code/search", body).1?["matches"]?.arrayValue?.first
    }

    /// Records `count` verdicts at similarity 1.
    private static func verdicts(_ client: any TestClientProtocol, id: String, count: Int, correct: Bool = true) async throws {
        for _ in 0..<count {
            let (status, answer) = try await client.post(
                "/code/entries/\(id)/verdict", .object(["similarity": .double(1.0), "correct": .bool(correct)]))
            #expect(status == .ok)
            #expect(answer?["outcome"] == .string(correct ? "confirmed" : "rejected"))
        }
    }

    @Test("verdicts make an entry confident, a failure report uncertain again, and both survive a restart", arguments: Backend.available)
    func outcomesPersist(backend: Backend) async throws {
        let env = try TestEnvironment()
        let variables = try await backend.environment().merging(Self.hash) { $1 }
        let id: String = try await RAGApp.run(variables, directory: env) { client in
            let (_, saved) = try await client.post("/code/save", CodeCacheFixtures.save(prompt: Self.prompt))
            let id = try #require(saved?["id"]?.stringValue)
            let fresh = try #require(try await Self.bounded(client))
            #expect(fresh["decision"] == "confirm")
            #expect(fresh["confidence"]?.doubleValue == 0)
            try await Self.verdicts(client, id: id, count: 11)
            return id
        }
        try await RAGApp.run(variables, directory: env) { client in
            let confident = try #require(try await Self.bounded(client))
            #expect(confident["decision"] == "serve")
            #expect(abs((confident["confidence"]?.doubleValue ?? 0) - 0.7616) < 1e-3)
            let plain = try await client.post("/code/search", CodeCacheFixtures.search(prompt: Self.prompt)).1?["matches"]?.arrayValue?.first
            #expect(plain?["confidence"] == nil && plain?["decision"] == nil)

            let (status, result) = try await client.post("/code/entries/\(id)/result", .object(["success": false, "similarity": .double(1.0)]))
            #expect(status == .ok && result?["failure_count"] == 1)
            _ = try await client.post("/code/entries/\(id)/result", .object(["success": true, "similarity": .double(1.0), "confirmed": false]))
            let doubted = try #require(try await Self.bounded(client))
            #expect(doubted["decision"] == "confirm")
            #expect(abs((doubted["confidence"]?.doubleValue ?? 0) - 0.6613) < 1e-3)

            let (_, stats) = try await client.call(.get, "/code/stats")
            #expect(stats?["confirmations_accepted"] == 11)
            #expect(stats?["confirmations_rejected"] == 0)
            #expect(stats?["served_without_confirmation"] == 1)
            #expect(stats?["reuse_failures"] == 1)
            #expect(abs((stats?["false_hit_estimate"]?.doubleValue ?? 0) - 1.0 / 12) < 1e-3)
        }
    }

    @Test("a candidate in conflict with the prompt guard is kept and marked by a bounded search only, and always confirmed")
    func guardConflictIsAHint() async throws {
        try await RAGApp.run(Self.hash) { client in
            _ = try await client.post("/code/save", CodeCacheFixtures.save(prompt: "Flag invoices over 1000 EUR"))
            let plain = try await client.post("/code/search", CodeCacheFixtures.search(prompt: "Flag invoices over 5000 EUR", threshold: 0))
            #expect(plain.1?["count"] == 0)
            let marked = try #require(try await Self.bounded(client, prompt: "Flag invoices over 5000 EUR"))
            #expect(marked["guard_conflict"]?.stringValue?.contains("1000") == true)
            #expect(marked["decision"] == "confirm")
        }
    }

    @Test("bad outcome reports and bounds are 422s naming the field; an unknown entry is a 404")
    func validation() async throws {
        try await RAGApp.run(Self.hash) { client in
            let (_, saved) = try await client.post("/code/save", CodeCacheFixtures.save(prompt: Self.prompt))
            let id = try #require(saved?["id"]?.stringValue)
            let cases: [(String, JSONValue, String)] = [
                ("/code/entries/\(id)/verdict", .object(["correct": true]), "similarity"),
                ("/code/entries/\(id)/verdict", .object(["similarity": .double(1.5), "correct": true]), "similarity"),
                ("/code/entries/\(id)/verdict", .object(["similarity": .double(0.9)]), "correct"),
                ("/code/entries/\(id)/result", .object(["success": true, "similarity": "high"]), "similarity"),
                ("/code/search", .object(["query": "Prompt: x", "max_error_rate": .double(0.9)]), "max_error_rate"),
            ]
            for (path, body, field) in cases {
                let (status, answer) = try await client.post(path, body)
                #expect(status == .unprocessableContent, "\(path) \(body.jsonText)")
                #expect(answer?["detail"]?.arrayValue?.first?["loc"]?.arrayValue?.last == .string(field), "\(path) \(body.jsonText)")
            }
            let (status, _) = try await client.post("/code/entries/code_404/verdict", .object(["similarity": .double(0.9), "correct": true]))
            #expect(status == .notFound)
        }
    }

    @Test("outcomes recorded on one replica decide the other's searches", .enabled(if: Backend.available.contains(.postgres)))
    func replicasShareOutcomes() async throws {
        let variables = try await Backend.postgres.environment().merging(Self.hash) { $1 }
        let first = try await NovaRAG.buildApplication(config: RAGConfig(env: try TestEnvironment().rag(variables)), logger: TestEnvironment.logger)
        let second = try await NovaRAG.buildApplication(config: RAGConfig(env: try TestEnvironment().rag(variables)), logger: TestEnvironment.logger)
        try await first.test(.router) { writer in
            try await second.test(.router) { reader in
                let (_, saved) = try await writer.post("/code/save", CodeCacheFixtures.save(prompt: Self.prompt))
                let id = try #require(saved?["id"]?.stringValue)
                for _ in 0..<100 where try await reader.call(.get, "/code/entries/\(id)").0 != .ok {
                    try await Task.sleep(for: .milliseconds(20))
                }
                #expect(try await Self.bounded(reader)?["decision"] == "confirm")
                try await Self.verdicts(writer, id: id, count: 11)
                let shared = try #require(try await Self.bounded(reader))
                #expect(shared["decision"] == "serve")
                #expect(abs((shared["confidence"]?.doubleValue ?? 0) - 0.7616) < 1e-3)
                #expect(try await reader.call(.get, "/code/stats").1?["confirmations_accepted"] == 11)
            }
        }
    }
}
