import Foundation
import NovaCore
import NovaStorage
import RAGCore
import Testing

@testable import NovaRAG

/// A nova-rag database made by the stores before they were written once over the shared SQL layer opens with every
/// row, and takes writes, the outcomes of the error-rate bound (migration 3) among them.
@Suite("nova-rag databases of the former schema")
struct RAGFormerSchemaTests {
    private static let model = EmbeddingModelInfo(name: "hash-bow-4", dimension: 4, text: SearchText.embeddedForm)

    private static func entry(_ number: Int, workflowID: Int?, lastUsedAt: String?) -> StoredCodeEntry {
        let entry = CodeEntry(
            id: "code_\(number)_1764000000.00000\(number)", aiDescription: "Total «\(number)» of the invoice",
            inputSchema: ["amount": .string("float")], insights: ["one", "two"], config: ["has_key": .bool(true)], code: "print(\(number))",
            nodeAction: "node_\(number)", nodeDescription: "Total", workflowID: workflowID, successCount: number, failureCount: number - 1,
            createdAt: "2026-01-0\(number)T00:00:00", lastUsedAt: lastUsedAt, librariesUsed: ["json"], requiredKeys: ["amount"],
            extraMetadata: ["source": .string("seed")])
        return StoredCodeEntry(entry: entry, vector: [Float(number), -0.25, 1e-7, Float.leastNormalMagnitude])
    }

    private static let entries = [
        entry(3, workflowID: 7, lastUsedAt: "2026-02-01T00:00:00"), entry(1, workflowID: nil, lastUsedAt: nil),
        entry(2, workflowID: 7, lastUsedAt: nil),
    ]

    private static let file = DocFileRecord(
        file: "guide.md", contentHash: "abc", chunking: "markdown-1/700/100", model: "hash-bow-4", source: "src", topic: "top")
    private static let chunk = StoredDocChunk(
        chunk: DocChunk(file: "guide.md", headingPath: ["Título", "Sección"], source: "src", topic: "top", index: 0, text: "Body"),
        model: "hash-bow-4", vector: [0.5, -0.25, 1e-7, 1])

    /// Inserts the rows as the former stores wrote them.
    private static func insertRows(_ db: any SQLExecutor) async throws {
        for stored in entries {
            let entry = stored.entry
            let texts = entry.texts
            _ = try await db.write(
                "INSERT INTO code_entries (\(CodeEntryRow.columns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    entry.id, entry.dedupKey, entry.workflowID, entry.nodeAction, entry.nodeDescription, entry.aiDescription, entry.code,
                    texts.inputSchema, texts.insights, texts.config, texts.extraMetadata, texts.librariesUsed, texts.requiredKeys, entry.successCount,
                    entry.failureCount, entry.createdAt, entry.lastUsedAt, Data(VectorBytes.encode(stored.vector)),
                ])
        }
        _ = try await db.write(
            "INSERT INTO store_meta (key, value) VALUES ('embedding_model', ?), ('embedding_dimension', ?), ('embedding_text', ?)",
            [model.name, String(model.dimension), model.text])
        _ = try await db.write(
            "INSERT INTO doc_files (\(DocChunkRow.fileColumns)) VALUES (?, ?, ?, ?, ?, ?)",
            [file.file, file.contentHash, file.chunking, file.model, file.source, file.topic])
        let text = chunk.chunk
        _ = try await db.write(
            "INSERT INTO doc_chunks (\(DocChunkRow.chunkColumns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                text.id, text.file, text.index, DocChunkRow.encode(headingPath: text.headingPath), text.source, text.topic, text.text,
                text.contentHash, chunk.model, Data(VectorBytes.encode(chunk.vector)),
            ])
    }

    @Test("every entry, the model and the documentation chunks load in insertion order, and writes still work", arguments: Backend.available)
    func formerSchemaOpens(backend: Backend) async throws {
        let env = try TestEnvironment()
        let config = try RAGConfig(env: env.rag(try await backend.environment()))
        let database = try await SQLDatabase.open(config.database, logger: TestEnvironment.logger)
        try await database.whileRunning {
            try await FormerRAGSchema.create(on: database, logger: TestEnvironment.logger)
            try await Self.insertRows(database.executor(logger: TestEnvironment.logger))
            let store = try await openCodeEntryStore(database, logger: TestEnvironment.logger)
            #expect(try await store.recordedModel() == Self.model)
            #expect(try await store.count() == Self.entries.count)
            let loaded = try await store.loadAll()
            #expect(loaded.map(\.entry) == Self.entries.map(\.entry))
            #expect(loaded.map(\.vector) == Self.entries.map(\.vector))
            let docs = try await openDocChunkStore(database, logger: TestEnvironment.logger).loadAll()
            #expect(docs.files == [Self.file])
            #expect(docs.chunks == [Self.chunk])

            let duplicate = Self.entries[0].entry
            var resaved = duplicate
            resaved.id = "code_9_1764000000.000009"
            let added = Self.entry(4, workflowID: nil, lastUsedAt: nil)
            let outcomes = try await store.insert(
                [StoredCodeEntry(entry: resaved, vector: Self.entries[0].vector), added], at: "2026-03-01T00:00:00")
            #expect(outcomes == [.merged(id: duplicate.id, successCount: 2 * duplicate.successCount, lastUsedAt: "2026-03-01T00:00:00"), .inserted])
            #expect(try await store.loadAll().map(\.entry.id) == Self.entries.map(\.entry.id) + [added.entry.id])

            let hitOutcomes = SQLHitOutcomeStore(db: database.executor(logger: TestEnvironment.logger))
            #expect(try await hitOutcomes.totals() == HitOutcomeTotals())
            try await hitOutcomes.record(.confirmed, entryID: duplicate.id, workflowID: 7, similarity: 0.9, guardConflict: false)
            try await hitOutcomes.record(.failed, entryID: duplicate.id, workflowID: 7, similarity: 0.9, guardConflict: false)
            #expect(try await hitOutcomes.totals() == HitOutcomeTotals(confirmed: 1, failed: 1))
            let support = try await hitOutcomes.evidence(workflowID: 7, guardConflict: false)[duplicate.id]?.support(at: 0.9)
            #expect(support?.correct == 1 && support?.incorrect == 1)
        }
    }

    @Test("a store of the version before the error-rate bound (migrations 1–2) opens with every entry", arguments: Backend.available)
    func storeBeforeOutcomesOpens(backend: Backend) async throws {
        let env = try TestEnvironment()
        let config = try RAGConfig(env: env.rag(try await backend.environment()))
        let database = try await SQLDatabase.open(config.database, logger: TestEnvironment.logger)
        try await database.whileRunning {
            let previous = SQLMigrator(postgresTable: "nova_rag_schema_migrations", migrations: Array(RAGSchema.migrations.prefix(2)))
            try await previous.migrate(database, logger: TestEnvironment.logger)
            let before = SQLCodeEntryStore(db: database.executor(logger: TestEnvironment.logger))
            try await before.recordModel(Self.model)
            _ = try await before.insert(Self.entries, at: "2026-03-01T00:00:00")
            let store = try await openCodeEntryStore(database, logger: TestEnvironment.logger)
            let loaded = try await store.loadAll()
            #expect(loaded.map(\.entry.id) == Self.entries.map(\.entry.id))
            #expect(loaded.map(\.entry.code) == Self.entries.map(\.entry.code))
            #expect(loaded.map(\.vector) == Self.entries.map(\.vector))
            let outcomes = SQLHitOutcomeStore(db: database.executor(logger: TestEnvironment.logger))
            try await outcomes.record(.rejected, entryID: Self.entries[0].entry.id, workflowID: 7, similarity: 0.8, guardConflict: true)
            #expect(try await outcomes.totals() == HitOutcomeTotals(rejected: 1))
        }
    }
}
