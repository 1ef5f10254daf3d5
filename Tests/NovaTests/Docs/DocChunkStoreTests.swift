import Foundation
import NovaStorage
import RAGCore
import ServiceKit
import Testing

@testable import NovaCore
@testable import NovaRAG

/// The SQLite and PostgreSQL documentation stores behave the same.
@Suite("Documentation chunk stores")
struct DocChunkStoreTests {
    private func withDocStore(_ backend: Backend, _ body: @Sendable (SQLDatabase, any DocChunkStore) async throws -> Void) async throws {
        let env = try TestEnvironment()
        let config = try RAGConfig(env: env.rag(try await backend.environment()))
        let database = try await SQLDatabase.open(config.database, logger: TestEnvironment.logger)
        try await database.whileRunning { try await body(database, try await openDocChunkStore(database, logger: TestEnvironment.logger)) }
    }

    private func stored(_ file: String, _ index: Int, _ text: String, path: [String] = ["Título", "Sección «1»"]) -> StoredDocChunk {
        let chunk = DocChunk(file: file, headingPath: path, source: "src", topic: "top", index: index, text: text)
        return StoredDocChunk(chunk: chunk, model: "hash-bow-4", vector: [0.5, -0.25, 1e-7, Float.leastNormalMagnitude])
    }

    private func record(_ file: String, hash: String = "h") -> DocFileRecord {
        DocFileRecord(file: file, contentHash: hash, chunking: "markdown-1/700/100", model: "hash-bow-4", source: "src", topic: "top")
    }

    @Test("files and chunks round-trip exactly, heading paths and Float32 vectors included", arguments: Backend.available)
    func roundTrip(backend: Backend) async throws {
        try await withDocStore(backend) { _, store in
            #expect(try await store.loadAll().chunks.isEmpty)
            let chunks = [stored("b.md", 0, "B0"), stored("a.md", 1, "A1"), stored("a.md", 0, "A0", path: [])]
            try await store.apply(DocStoreUpdate(replacing: [], files: [record("a.md"), record("b.md")], chunks: chunks))
            let loaded = try await store.loadAll()
            #expect(loaded.files == [record("a.md"), record("b.md")])
            #expect(loaded.chunks == [chunks[2], chunks[1], chunks[0]])
        }
    }

    @Test("an update replaces the named files' records and chunks and leaves the others alone", arguments: Backend.available)
    func replaceFiles(backend: Backend) async throws {
        try await withDocStore(backend) { _, store in
            try await store.apply(
                DocStoreUpdate(
                    replacing: [], files: [record("a.md"), record("b.md"), record("c.md")],
                    chunks: [stored("a.md", 0, "A0"), stored("a.md", 1, "A1"), stored("b.md", 0, "B0"), stored("c.md", 0, "C0")]))
            try await store.apply(
                DocStoreUpdate(replacing: ["a.md", "c.md"], files: [record("a.md", hash: "h2")], chunks: [stored("a.md", 0, "A0 new")]))
            let loaded = try await store.loadAll()
            #expect(loaded.files == [record("a.md", hash: "h2"), record("b.md")])
            #expect(loaded.chunks.map(\.chunk.text) == ["A0 new", "B0"])
        }
    }

    @Test("the documentation tables live beside the code cache: both stores open on one database, twice", arguments: Backend.available)
    func sharedMigrations(backend: Backend) async throws {
        try await withDocStore(backend) { database, store in
            try await store.apply(DocStoreUpdate(replacing: [], files: [record("a.md")], chunks: [stored("a.md", 0, "A0")]))
            let codes = try await openCodeEntryStore(database, logger: TestEnvironment.logger)
            #expect(try await codes.loadAll().isEmpty)
            let again = try await openDocChunkStore(database, logger: TestEnvironment.logger)
            #expect(try await again.loadAll().chunks.count == 1)
        }
    }

    @Test("the code store visits every entry once, in insertion order, across its load pages", arguments: Backend.available)
    func codeEntriesInPages(backend: Backend) async throws {
        try await withDocStore(backend) { database, _ in
            let codes = try await openCodeEntryStore(database, logger: TestEnvironment.logger)
            let entries = (0..<2345).map { number in
                let entry = CodeEntry(
                    id: "code_\(number)", aiDescription: "step \(number)", inputSchema: [:], insights: [], config: [:], code: "print(\(number))",
                    nodeAction: "n", nodeDescription: "step \(number)", workflowID: number % 3, successCount: 1, failureCount: 0,
                    createdAt: "2026-01-01T00:00:00", lastUsedAt: nil, librariesUsed: [], requiredKeys: [], extraMetadata: [:])
                return StoredCodeEntry(entry: entry, vector: [Float(number), 0, 0, 1])
            }
            _ = try await codes.insert(entries, at: "2026-01-01T00:00:00")
            var visited: [String] = []
            var vectors: [[Float]] = []
            let count = try await codes.forEachEntry { stored in
                visited.append(stored.entry.id)
                vectors.append(stored.vector)
            }
            #expect(count == 2345)
            #expect(visited == entries.map(\.entry.id))
            #expect(vectors == entries.map(\.vector))
        }
    }
}
