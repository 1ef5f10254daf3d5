import RAGCore
import Testing

/// The SQL store on either backend and the in-memory twin the unit tests use behave the same.
@Suite("Code entry stores")
struct CodeEntryStoreTests {
    private static func stored(_ number: Int, code: String? = nil, workflowID: Int? = 7, successes: Int = 1) -> StoredCodeEntry {
        let entry = CodeEntry(
            id: "code_\(number)", aiDescription: "step \(number)", inputSchema: ["amount": .string("float")], insights: ["ok"],
            config: ["has_key": .bool(true)], code: code ?? "print(\(number))", nodeAction: "node", nodeDescription: "step \(number)",
            workflowID: workflowID, successCount: successes, failureCount: 5, createdAt: "2026-01-01T00:00:00", lastUsedAt: "ignored",
            librariesUsed: ["json"], requiredKeys: ["amount"], extraMetadata: ["source": .string("seed")])
        return StoredCodeEntry(entry: entry, vector: [Float(number), -0.5, 1e-7, Float.leastNormalMagnitude])
    }

    @Test("an insert stores the entry without failures or last use; a duplicate is merged into the first", arguments: StoreBackend.available)
    func insertAndMerge(backend: StoreBackend) async throws {
        try await backend.withCodeEntryStore { store in
            #expect(try await store.insert([Self.stored(1), Self.stored(2, workflowID: nil)], at: "2026-02-01T00:00:00") == [.inserted, .inserted])
            let merged = try await store.insert([Self.stored(3, code: "print(1)", successes: 2)], at: "2026-03-01T00:00:00")
            #expect(merged == [.merged(id: "code_1", successCount: 3, lastUsedAt: "2026-03-01T00:00:00")])
            let loaded = try await store.loadAll()
            #expect(loaded.map(\.entry.id) == ["code_1", "code_2"])
            #expect(loaded[0].entry.successCount == 3 && loaded[0].entry.failureCount == 0)
            #expect(loaded[0].entry.lastUsedAt == "2026-03-01T00:00:00")
            #expect(loaded[1].entry.lastUsedAt == nil && loaded[1].entry.workflowID == nil)
            #expect(loaded[0].entry.extraMetadata == ["source": .string("seed")] && loaded[0].entry.inputSchema == ["amount": .string("float")])
            #expect(loaded.map(\.vector) == [Self.stored(1).vector, Self.stored(2).vector])
            #expect(try await store.count() == 2)
            #expect(try await store.load(id: "code_2")?.entry == loaded[1].entry)
            #expect(try await store.load(id: "code_9") == nil)
        }
    }

    @Test("results are counted on an existing entry only; delete and delete-all report what existed", arguments: StoreBackend.available)
    func resultsAndDeletes(backend: StoreBackend) async throws {
        try await backend.withCodeEntryStore { store in
            _ = try await store.insert([Self.stored(1), Self.stored(2), Self.stored(3)], at: "2026-02-01T00:00:00")
            let success = try await store.recordResult(id: "code_1", success: true, at: "2026-02-02T00:00:00")
            #expect(success?.successCount == 2 && success?.failureCount == 0)
            let failure = try await store.recordResult(id: "code_1", success: false, at: "2026-02-03T00:00:00")
            #expect(failure?.successCount == 2 && failure?.failureCount == 1)
            #expect(try await store.load(id: "code_1")?.entry.lastUsedAt == "2026-02-03T00:00:00")
            #expect(try await store.recordResult(id: "code_9", success: true, at: "2026-02-03T00:00:00") == nil)
            #expect(try await store.delete(id: "code_2"))
            #expect(try await !store.delete(id: "code_2"))
            #expect(try await store.deleteAll() == 2)
            #expect(try await store.count() == 0)
        }
    }

    @Test("the recorded model and replaced vectors are kept", arguments: StoreBackend.available)
    func modelAndVectors(backend: StoreBackend) async throws {
        try await backend.withCodeEntryStore { store in
            #expect(try await store.recordedModel() == nil)
            let first = EmbeddingModelInfo(name: "hash-bow-4", dimension: 4, text: "form-1")
            try await store.recordModel(first)
            #expect(try await store.recordedModel() == first)
            _ = try await store.insert([Self.stored(1)], at: "2026-02-01T00:00:00")
            let second = EmbeddingModelInfo(name: "hash-bow-4", dimension: 4, text: "form-2")
            try await store.replaceVectors(["code_1": [0, 0, 0, 1]], model: second)
            #expect(try await store.recordedModel() == second)
            #expect(try await store.load(id: "code_1")?.vector == [0, 0, 0, 1])
        }
    }
}
