import Foundation
import NovaCore
import NovaJSON
import PromptGuard

/// The semantic code cache: validated code found again by what it is for (docs/api.md §2.7–2.10).
///
/// Writes go through the actor and return once the store made them durable; searches run concurrently on a
/// snapshot-free read lock over the in-memory index. A candidate above the threshold is returned only if the
/// ``PromptGuard`` finds no conflict (numbers, directions, fields, operations) between the two prompts and its
/// reported results have not discredited it. A search with a tolerated error rate keeps conflicting candidates, marked,
/// and assesses every candidate against ``HitBound`` (``SemanticCodeCache/assessed(_:query:)``).
package actor SemanticCodeCache {
    private let store: any CodeEntryStore
    /// Verified outcomes of candidates, read by the error-rate bound and counted by `/code/stats`.
    package let outcomes: any HitOutcomeStore
    private let embedder: any Embedder
    private let wallClock: any WallClock
    private let timer: ContinuousClock
    private let promptGuard = PromptGuard()
    private let contents: ReadWriteLocked<CodeCacheContents>
    private let statistics = ReadWriteLocked(CodeCacheStats())
    private var lastIDTime = 0.0

    private init(
        store: any CodeEntryStore, outcomes: any HitOutcomeStore, embedder: any Embedder, wallClock: any WallClock, timer: ContinuousClock,
        contents: CodeCacheContents
    ) {
        self.store = store
        self.outcomes = outcomes
        self.embedder = embedder
        self.wallClock = wallClock
        self.timer = timer
        self.contents = ReadWriteLocked(contents)
    }

    /// Opens the cache over `store`: checks that its vectors were made by `embedder`'s model (recording the model
    /// in a new store) and loads every entry without re-embedding — except once for a store whose vectors the same
    /// model made from an older embedded text (``SearchText/embeddedForm``), which is re-embedded first. `outcomes`
    /// keeps the verified outcomes of candidates (in memory unless given).
    package static func open(
        store: any CodeEntryStore, outcomes: any HitOutcomeStore = MemoryHitOutcomeStore(), embedder: any Embedder, wallClock: any WallClock,
        timer: ContinuousClock = ContinuousClock()
    ) async throws -> SemanticCodeCache {
        let configured = EmbeddingModelInfo(of: embedder)
        if let stored = try await store.recordedModel() {
            if stored.name == configured.name, stored.dimension == configured.dimension, stored.text != configured.text {
                _ = try await store.reindex(with: embedder)
            } else if stored != configured {
                throw CodeCacheError.modelMismatch(stored: stored, configured: configured)
            }
        } else {
            try await store.recordModel(configured)
        }
        let contents = try await CodeCacheContents.load(from: store, dimension: configured.dimension)
        FreedMemory.release()
        return SemanticCodeCache(store: store, outcomes: outcomes, embedder: embedder, wallClock: wallClock, timer: timer, contents: contents)
    }

    /// Number of entries.
    package nonisolated var count: Int { contents.read { $0.entries.count } }

    /// Counters since start.
    package nonisolated var stats: CodeCacheStats { statistics.read { $0 } }

    /// Every entry (for `/code/stats`).
    package nonisolated var allEntries: [CodeEntry] { contents.read { Array($0.entries.values) } }

    /// One entry by id.
    package nonisolated func entry(id: String) -> CodeEntry? {
        contents.read { $0.entries[id] }
    }

    /// Saves validated code; a duplicate (same workflow, node action and code) is counted on the existing entry.
    /// Returns the id of the stored entry.
    package func save(_ input: CodeSaveInput) async throws -> String {
        try await saveAll([input])[0]
    }

    /// Saves several entries in one store transaction (the `nova-rag import` path), embedding them in one batch.
    /// Returns the stored id of each, in order.
    package func saveAll(_ inputs: [CodeSaveInput]) async throws -> [String] {
        for input in inputs {
            if let field = input.fieldWithSecret { throw CodeCacheError.secretInField(field) }
        }
        let now = WireDate.naive(wallClock.now())
        var entries: [CodeEntry] = []
        for input in inputs {
            entries.append(
                CodeEntry(
                    id: nextID(offset: entries.count), aiDescription: input.aiDescription, inputSchema: input.inputSchema, insights: input.insights,
                    config: input.config, code: input.code, nodeAction: input.nodeAction, nodeDescription: input.nodeDescription,
                    workflowID: input.workflowID, successCount: input.successCount, failureCount: 0, createdAt: input.createdAt ?? now,
                    lastUsedAt: nil, librariesUsed: input.librariesUsed, requiredKeys: input.requiredKeys, extraMetadata: input.extraMetadata))
        }
        let vectors = try await embedder.embed(entries.map(\.embeddedText))
        guard vectors.count == entries.count, vectors.allSatisfy({ $0.count == embedder.dimension }) else {
            throw CodeCacheError.badEmbedding(expected: embedder.dimension, got: vectors.first(where: { $0.count != embedder.dimension })?.count ?? 0)
        }
        let stored = zip(entries, vectors).map { StoredCodeEntry(entry: $0, vector: $1) }
        let outcomes = try await store.insert(stored, at: now)
        return contents.write { contents in
            zip(stored, outcomes).map { stored, outcome in
                switch outcome {
                case .inserted:
                    contents.upsert(stored.entry, vector: stored.vector)
                    return stored.entry.id
                case .merged(let id, let successCount, let lastUsedAt):
                    contents.entries[id]?.successCount = successCount
                    contents.entries[id]?.lastUsedAt = lastUsedAt
                    return id
                }
            }
        }
    }

    /// Finds entries whose search text is close to the query: best first, at most `topK`, each with
    /// `score ≥ threshold` and no prompt-guard conflict. Failures come back in the outcome, not as errors.
    package nonisolated func search(_ query: CodeSearchQuery) async -> CodeSearchOutcome {
        let started = timer.now
        guard count > 0 else {
            record(started: started, matches: 0, rejected: 0, failed: false)
            return CodeSearchOutcome(matches: [], error: nil)
        }
        let text = SearchText.normalisedQuery(query.text)
        let prompt = promptGuard.prepare(SearchText.prompt(of: text))
        let vector: [Float]
        do {
            vector = try await embedOne(SearchText.embedded(text, canonicalPrompt: prompt.canonicalText))
        } catch {
            record(started: started, matches: 0, rejected: 0, failed: true)
            return CodeSearchOutcome(matches: [], error: "embedding failed: \(error)")
        }
        let filter: VectorIndex.Filter = query.workflowID.map(VectorIndex.Filter.workflow) ?? .all
        var rejected = 0
        let found: [CodeMatch] = contents.read { contents in
            var matches: [CodeMatch] = []
            for hit in contents.index.search(vector, limit: 3 * query.topK, filter: filter) {
                let score = (Double(max(0, hit.cosine)) * 10_000).rounded() / 10_000
                guard score >= query.threshold, matches.count < query.topK else { break }
                guard let entry = contents.entries[hit.id], !entry.isDiscredited else { continue }
                var match = CodeMatch(entry: entry, score: score)
                if case .conflict(let reason) = prompt.check(candidate: contents.promptReadings.reading(of: entry)) {
                    rejected += 1
                    guard query.maxErrorRate != nil else { continue }
                    match.guardConflict = reason
                }
                matches.append(match)
            }
            return matches
        }
        let matches = query.maxErrorRate == nil ? found : await assessed(found, query: query)
        record(started: started, matches: matches.count, rejected: rejected, failed: false)
        return CodeSearchOutcome(matches: matches, error: nil)
    }

    /// Records a reuse's outcome; a discredited entry (``CodeEntry/isDiscredited``) is evicted when `mayEvict` (the
    /// caller has admin authority), else kept but no longer returned by searches. Returns nil for an unknown id.
    package func recordResult(id: String, success: Bool, mayEvict: Bool) async throws -> CodeResultOutcome? {
        let now = WireDate.naive(wallClock.now())
        guard let counts = try await store.recordResult(id: id, success: success, at: now) else { return nil }
        let evict = mayEvict && CodeEntry.discredits(successCount: counts.successCount, failureCount: counts.failureCount)
        if evict {
            _ = try await delete(id: id)
        } else {
            contents.write { contents in
                contents.entries[id]?.successCount = counts.successCount
                contents.entries[id]?.failureCount = counts.failureCount
                contents.entries[id]?.lastUsedAt = now
            }
        }
        return CodeResultOutcome(successCount: counts.successCount, failureCount: counts.failureCount, deleted: evict)
    }

    /// Deletes one entry; returns whether it existed.
    package func delete(id: String) async throws -> Bool {
        let existed = try await store.delete(id: id)
        removeLocally(id)
        return existed
    }

    /// Deletes every entry; returns how many there were.
    package func clear() async throws -> Int {
        let deleted = try await store.deleteAll()
        try await outcomes.deleteAll()
        contents.write { $0 = CodeCacheContents(dimension: embedder.dimension) }
        return deleted
    }

    /// Applies a change another replica made to the shared store.
    package func apply(_ change: CodeEntryChange) async throws {
        switch change {
        case .upserted(let id):
            guard let stored = try await store.load(id: id) else { return removeLocally(id) }
            contents.write { $0.upsert(stored.entry, vector: stored.vector) }
        case .deleted(let id):
            removeLocally(id)
        case .cleared:
            contents.write { $0 = CodeCacheContents(dimension: embedder.dimension) }
        case .reload:
            let loaded = try await CodeCacheContents.load(from: store, dimension: embedder.dimension)
            contents.write { $0 = loaded }
        }
    }

    private func removeLocally(_ id: String) {
        contents.write { $0.remove(id) }
    }

    private nonisolated func embedOne(_ text: String) async throws -> [Float] {
        let vectors = try await embedder.embed([text])
        guard let vector = vectors.first, vector.count == embedder.dimension else {
            throw CodeCacheError.badEmbedding(expected: embedder.dimension, got: vectors.first?.count ?? 0)
        }
        return vector
    }

    private nonisolated func record(started: ContinuousClock.Instant, matches: Int, rejected: Int, failed: Bool) {
        let elapsed = started.duration(to: timer.now)
        let milliseconds = elapsed.milliseconds
        statistics.write { stats in
            stats.searches += 1
            stats.hits += matches > 0 ? 1 : 0
            stats.guardRejections += rejected
            stats.failures += failed ? 1 : 0
            stats.totalLatencyMilliseconds += milliseconds
        }
    }

    /// `code_<count before insert>_<unix time with microseconds>`, strictly increasing within the process;
    /// `offset` counts the entries of the same batch before this one.
    private func nextID(offset: Int) -> String {
        var time = (wallClock.now().timeIntervalSince1970 * 1_000_000).rounded() / 1_000_000
        if time <= lastIDTime { time = lastIDTime + 0.000001 }
        lastIDTime = time
        return "code_\(count + offset)_\(String(format: "%.6f", time))"
    }
}
