/// The documentation retrieval behind `/rag/*`: the knowledge folders, their chunks in a ``DocChunkStore`` and
/// an in-memory ``DocIndex`` searched with the configured ``Embedder``.
///
/// A (re)load reads the folders, embeds only chunks whose content hash has no stored vector of the current
/// model, writes the difference in one transaction, and then swaps the new index in, so searches see either
/// the old index or the new one. Loads run one at a time.
package final class DocLibrary: Sendable {
    private struct State {
        var index: DocIndex?
        var lastReload: DocReloadReport?
    }

    private let chunker: MarkdownChunker
    private let store: any DocChunkStore
    private let embedder: any Embedder
    private let folder: KnowledgeFolder
    private let timer: ContinuousClock
    private let gate = SerialGate()
    private let state = ReadWriteLocked(State())
    private static let batchSize = 32

    /// A library over `store` fed from `folder`; nothing is loaded until ``reload()``.
    package init(
        store: any DocChunkStore, embedder: any Embedder, folder: KnowledgeFolder, chunker: MarkdownChunker = MarkdownChunker(),
        timer: ContinuousClock = ContinuousClock()
    ) {
        self.store = store
        self.embedder = embedder
        self.folder = folder
        self.chunker = chunker
        self.timer = timer
    }

    /// The index being searched; nil until the first load finished.
    package var index: DocIndex? { state.read(\.index) }

    /// What the last successful load did.
    package var lastReload: DocReloadReport? { state.read(\.lastReload) }

    /// The embedder's model name.
    package var modelName: String { embedder.modelName }

    /// Re-reads the folders and applies the difference to the store and the index (see the type's summary).
    package func reload() async throws -> DocReloadReport {
        try await gate.run { try await self.load() }
    }

    /// Serves what the store holds for the current model without reading the folders, if nothing is loaded yet
    /// (the fallback when the first load fails, e.g. while an embedding API is down). Returns the chunk count.
    package func serveStored() async throws -> Int {
        try await gate.run {
            let dimension = self.embedder.dimension
            let entries = try await self.store.loadAll().chunks.filter { $0.model == self.embedder.modelName && $0.vector.count == dimension }
            return self.state.write { state in
                if state.index == nil { state.index = DocIndex(dimension: dimension, entries: entries) }
                return state.index?.count ?? 0
            }
        }
    }

    /// The best distinct chunks for `query`. With no chunk passing the filters the embedder is not called.
    package func search(_ query: DocQuery) async throws -> DocSearchResult {
        guard let index else { throw DocLibraryError.notReady }
        guard index.admittedCount(query) > 0 else { return DocSearchResult(hits: [], duplicatesRemoved: 0) }
        let vector = try await embed([query.text])[0]
        return index.search(vector, for: query)
    }

    private func load() async throws -> DocReloadReport {
        let started = timer.now
        let scan = try folder.read()
        var plan = DocReloadPlan(
            stored: try await store.loadAll(), documents: scan.documents, chunker: chunker, model: embedder.modelName, dimension: embedder.dimension)
        let pending = plan.textsToEmbed
        var embedded: [String: [Float]] = [:]
        for start in stride(from: 0, to: pending.count, by: Self.batchSize) {
            try Task.checkCancellation()
            let batch = pending[start..<min(start + Self.batchSize, pending.count)]
            for (item, vector) in zip(batch, try await embed(batch.map(\.text))) { embedded[item.hash] = vector }
        }
        let (update, entries) = plan.complete(with: embedded)
        if !update.isEmpty { try await store.apply(update) }
        var report = plan.report
        report.missingRoots = scan.missingRoots
        report.shadowedFiles = scan.shadowed
        report.duration = timer.now - started
        let index = DocIndex(dimension: embedder.dimension, entries: entries)
        state.write { state in
            state.index = index
            state.lastReload = report
        }
        return report
    }

    private func embed(_ texts: [String]) async throws -> [[Float]] {
        let vectors = try await embedder.embed(texts)
        guard vectors.count == texts.count else { throw DocLibraryError.wrongVectorCount(expected: texts.count, got: vectors.count) }
        for vector in vectors where vector.count != embedder.dimension {
            throw DocLibraryError.badEmbedding(expected: embedder.dimension, got: vector.count)
        }
        return vectors
    }
}
