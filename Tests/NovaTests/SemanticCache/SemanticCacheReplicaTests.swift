import Foundation
import HummingbirdTesting
import NovaJSON
import Testing

@testable import NovaRAG

/// Several nova-rag replicas on one PostgreSQL database see each other's writes (LISTEN/NOTIFY).
@Suite("Semantic cache replicas on PostgreSQL")
struct SemanticCacheReplicaTests {
    @Test("a save, a result report and a delete on one replica reach the other", .enabled(if: Backend.available.contains(.postgres)))
    func replicasStayInSync() async throws {
        let database = try await Backend.postgres.environment()
        let variables = database.merging(["EMBEDDING_PROVIDER": "hash"]) { $1 }
        var adminConfig = try RAGConfig(env: try TestEnvironment().rag(variables))
        adminConfig.allowUnauthenticatedAdmin = true
        let first = try await NovaRAG.buildApplication(config: adminConfig, logger: TestEnvironment.logger)
        let second = try await NovaRAG.buildApplication(config: adminConfig, logger: TestEnvironment.logger)
        try await first.test(.router) { writer in
            try await second.test(.router) { reader in
                let (_, saved) = try await writer.post("/code/save", CodeCacheFixtures.save(prompt: "archive the processed email"))
                let id = try #require(saved?["id"]?.stringValue)
                try await eventually {
                    try await reader.call(.get, "/code/entries/\(id)").0 == .ok
                }
                _ = try await writer.post("/code/entries/\(id)/result", .object(["success": .bool(false)]))
                try await eventually {
                    try await reader.call(.get, "/code/entries/\(id)").1?["metadata"]?["failure_count"] == .int(1)
                }
                _ = try await writer.call(.delete, "/code/entries/\(id)")
                try await eventually {
                    try await reader.call(.get, "/code/entries/\(id)").0 == .notFound
                }
            }
        }
    }

    private func eventually(_ condition: () async throws -> Bool) async throws {
        for _ in 0..<100 {
            if try await condition() { return }
            try await Task.sleep(for: .milliseconds(20))
        }
        Issue.record("condition not met within 2 s")
    }
}
