import Foundation
import RAGCore
import Testing

@testable import NovaCore

@Suite("Documentation library: incremental loads, search, filters and duplicates")
struct DocLibraryTests {
    private func library(_ fixture: KnowledgeFixture, store: MemoryDocChunkStore = MemoryDocChunkStore(), embedder: any Embedder) -> DocLibrary {
        DocLibrary(store: store, embedder: embedder, folder: KnowledgeFolder(roots: [fixture.root.path]))
    }

    /// The sample knowledge base, loaded once; the embedder's count starts from zero afterwards.
    private func loadedSample() async throws -> (KnowledgeFixture, CountingEmbedder, DocLibrary) {
        let fixture = try KnowledgeFixture()
        try fixture.writeSample()
        let embedder = CountingEmbedder()
        let docs = library(fixture, embedder: embedder)
        _ = try await docs.reload()
        embedder.reset()
        return (fixture, embedder, docs)
    }

    @Test("the first load embeds every chunk; a reload without changes embeds nothing")
    func firstLoadThenNoChange() async throws {
        let fixture = try KnowledgeFixture()
        try fixture.writeSample()
        let embedder = CountingEmbedder()
        let docs = library(fixture, embedder: embedder)
        #expect(docs.index == nil)
        let first = try await docs.reload()
        #expect(first.filesAdded == 3)
        #expect(first.chunksEmbedded == 5)
        #expect(first.documentsLoaded == 5)
        #expect(embedder.embedded.count == 5)
        embedder.reset()
        let second = try await docs.reload()
        #expect(second.filesUnchanged == 3)
        #expect(second.filesAdded + second.filesChanged + second.filesRemoved == 0)
        #expect(second.chunksEmbedded == 0)
        #expect(second.chunksUnchanged == 5)
        #expect(embedder.embedded.isEmpty)
        #expect(docs.index?.count == 5)
    }

    @Test("changing one section of one file re-embeds only that chunk and counts it")
    func touchOneFile() async throws {
        let (fixture, embedder, docs) = try await loadedSample()
        try fixture.write(
            "integrations/smtp.md",
            """
            # SMTP

            ## Sending a message

            Build an EmailMessage and send it with smtplib SMTP_SSL on port 465 after login.

            ## Attachments

            Call add_attachment with the bytes, maintype, subtype and filename; guess the type with mimetypes.
            """)
        let report = try await docs.reload()
        #expect(report.filesChanged == 1)
        #expect(report.filesUnchanged == 2)
        #expect(report.chunksEmbedded == 1)
        #expect(report.chunksRemoved == 1)
        #expect(report.chunksUnchanged == 4)
        #expect(embedder.embedded.count == 1)
        #expect(embedder.embedded.first?.hasPrefix("Attachments (SMTP)\n\n") == true)
        let found = try await docs.search(DocQuery(text: "guess the type with mimetypes", topK: 1))
        #expect(found.hits.first?.chunk.text.contains("mimetypes") == true)
    }

    @Test("a removed file loses its chunks without any embedding; an added file is embedded")
    func removeAndAdd() async throws {
        let (fixture, embedder, docs) = try await loadedSample()
        try fixture.remove("integrations/imap.md")
        let removed = try await docs.reload()
        #expect(removed.filesRemoved == 1)
        #expect(removed.chunksRemoved == 2)
        #expect(removed.chunksEmbedded == 0)
        #expect(removed.documentsLoaded == 3)
        #expect(embedder.embedded.isEmpty)
        let search = try await docs.search(DocQuery(text: "imaplib IMAP4_SSL unread UNSEEN", topK: 5))
        #expect(search.hits.allSatisfy { $0.chunk.source != "imap" })
        try fixture.write("integrations/csv.md", "# CSV\n\n## Reading\n\nUse pandas read_csv on io.StringIO.")
        let added = try await docs.reload()
        #expect(added.filesAdded == 1)
        #expect(added.chunksEmbedded == 1)
        #expect(docs.index?.countsBySource == ["smtp": 2, "nova": 1, "csv": 1])
    }

    @Test("another embedding model re-embeds every file, reusing nothing")
    func modelChange() async throws {
        let fixture = try KnowledgeFixture()
        try fixture.writeSample()
        let store = MemoryDocChunkStore()
        _ = try await library(fixture, store: store, embedder: CountingEmbedder(dimension: 384)).reload()
        let other = CountingEmbedder(dimension: 256)
        let report = try await library(fixture, store: store, embedder: other).reload()
        #expect(report.filesChanged == 3)
        #expect(report.chunksEmbedded == 5)
        #expect(other.embedded.count == 5)
        #expect(await store.loadAll().chunks.allSatisfy { $0.model == "hash-bow-256" && $0.vector.count == 256 })
    }

    @Test("filters apply before scoring, so top_k results come back when enough chunks match")
    func filtersFirst() async throws {
        let (_, _, docs) = try await loadedSample()
        let query = "imaplib IMAP4_SSL port 993 login unread UNSEEN uid SEARCH"
        let smtpOnly = try await docs.search(DocQuery(text: query, topK: 2, source: "smtp"))
        #expect(smtpOnly.hits.count == 2)
        #expect(smtpOnly.hits.allSatisfy { $0.chunk.source == "smtp" })
        let byTopic = try await docs.search(DocQuery(text: query, topK: 5, topic: "node-contract"))
        #expect(byTopic.hits.map(\.chunk.file) == ["nova/node-contract.md"])
        let both = try await docs.search(DocQuery(text: query, topK: 5, source: "nova", topic: "imap"))
        #expect(both.hits.isEmpty)
    }

    @Test("scores are max(0, 2·cos − 1), in [0, 1], best first, and the same text scores 1")
    func scores() async throws {
        let (_, _, docs) = try await loadedSample()
        let exact = "Searching unread messages (IMAP)\n\nCall uid SEARCH with UNSEEN to list unread message ids in the selected folder."
        let found = try await docs.search(DocQuery(text: exact, topK: 5))
        #expect(found.hits.count == 5)
        #expect(abs((found.hits.first?.score ?? 0) - 1) < 1e-5)
        for hit in found.hits {
            #expect((0...1).contains(hit.score))
            #expect(hit.score == max(0, 2 * Double(hit.cosine) - 1))
        }
        #expect(found.hits.map(\.cosine) == found.hits.map(\.cosine).sorted(by: >))
    }

    @Test("chunks with the same text, or with cosine ≥ 0.98, appear once and the next distinct chunk fills the slot")
    func nearDuplicates() async throws {
        let fixture = try KnowledgeFixture()
        let words = (1...100).map { "word\($0)" }.joined(separator: " ")
        try fixture.write("a/copy.md", "# Shared\n\n## Section\n\n\(words)")
        try fixture.write("b/copy.md", "# Shared\n\n## Section\n\n\(words)")
        try fixture.write("c/near.md", "# Shared\n\n## Section\n\n\(words.replacingOccurrences(of: "word100", with: "other"))")
        try fixture.write("d/different.md", "# Other\n\n## Part\n\nword1 word2 unrelated text here")
        let docs = library(fixture, embedder: CountingEmbedder())
        _ = try await docs.reload()
        let found = try await docs.search(DocQuery(text: words, topK: 2))
        #expect(found.hits.map(\.chunk.file) == ["a/copy.md", "d/different.md"])
        #expect(found.duplicatesRemoved == 2)
    }

    @Test("an empty knowledge base answers no results without calling the embedder; before the first load it is not ready")
    func emptyAndNotReady() async throws {
        let fixture = try KnowledgeFixture()
        let embedder = CountingEmbedder()
        let docs = library(fixture, embedder: embedder)
        await #expect(throws: DocLibraryError.notReady) { try await docs.search(DocQuery(text: "anything")) }
        _ = try await docs.reload()
        let found = try await docs.search(DocQuery(text: "anything"))
        #expect(found.hits.isEmpty)
        #expect(embedder.embedded.isEmpty)
    }

    @Test("concurrent reloads run one after the other and never embed a chunk twice")
    func serialReloads() async throws {
        let fixture = try KnowledgeFixture()
        try fixture.writeSample()
        let embedder = CountingEmbedder()
        let docs = library(fixture, embedder: embedder)
        async let first = docs.reload()
        async let second = docs.reload()
        let reports = try await [first, second]
        #expect(reports.map(\.chunksEmbedded).sorted() == [0, 5])
        #expect(embedder.embedded.count == 5)
    }

    @Test("when a load fails, the stored chunks of the same model are served")
    func serveStoredAfterFailure() async throws {
        let fixture = try KnowledgeFixture()
        try fixture.writeSample()
        let store = MemoryDocChunkStore()
        _ = try await library(fixture, store: store, embedder: CountingEmbedder()).reload()
        try fixture.write("integrations/csv.md", "# CSV\n\nNew text that needs embedding.")
        let failing = library(fixture, store: store, embedder: FailingEmbedder())
        await #expect(throws: FailingEmbedder.Failure.self) { try await failing.reload() }
        #expect(failing.index == nil)
        #expect(try await failing.serveStored() == 5)
        #expect(failing.index?.count == 5)
    }

    @Test("several folders: the first one wins for a path found twice, and a missing folder is reported")
    func severalFolders() async throws {
        let first = try KnowledgeFixture()
        let second = try KnowledgeFixture()
        try first.write("integrations/imap.md", "# IMAP\n\nFirst folder.")
        try second.write("integrations/imap.md", "# IMAP\n\nSecond folder.")
        try second.write("extra/faq.md", "# FAQ\n\nAnswers.")
        let missing = first.root.appendingPathComponent("nope").path
        let docs = DocLibrary(
            store: MemoryDocChunkStore(), embedder: CountingEmbedder(), folder: KnowledgeFolder(roots: [first.root.path, second.root.path, missing]))
        let report = try await docs.reload()
        #expect(report.shadowedFiles == ["integrations/imap.md"])
        #expect(report.missingRoots == [missing])
        #expect(docs.index?.entries.map(\.chunk.text) == ["FAQ\n\nAnswers.", "IMAP\n\nFirst folder."])
        #expect(docs.index?.entries.map(\.chunk.source) == ["extra", "imap"])
    }
}

/// An embedder with the hash embedder's model name that always fails.
struct FailingEmbedder: Embedder {
    struct Failure: Error {}
    let modelName = "hash-bow-384"
    let dimension = 384

    func embed(_ texts: [String]) async throws -> [[Float]] {
        throw Failure()
    }
}
