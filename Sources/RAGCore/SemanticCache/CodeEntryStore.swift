import NovaCore

/// The model whose vectors a store holds, and what it read; a store is never searched with vectors of another model
/// or made from another kind of text.
package struct EmbeddingModelInfo: Sendable, Equatable {
    /// The embedder's model name.
    package let name: String
    /// The vector length.
    package let dimension: Int
    /// What was embedded for each entry (``SearchText/embeddedForm`` now, ``SearchText/legacyEmbeddedForm`` before).
    package let text: String

    /// Creates the record.
    package init(name: String, dimension: Int, text: String) {
        self.name = name
        self.dimension = dimension
        self.text = text
    }

    /// What `embedder` makes of today's embedded text.
    package init(of embedder: any Embedder) {
        self.init(name: embedder.modelName, dimension: embedder.dimension, text: SearchText.embeddedForm)
    }
}

/// An entry with its vector, as loaded at startup.
package struct StoredCodeEntry: Sendable {
    /// The entry.
    package let entry: CodeEntry
    /// Its unit vector.
    package let vector: [Float]

    /// Pairs an entry with its vector.
    package init(entry: CodeEntry, vector: [Float]) {
        self.entry = entry
        self.vector = vector
    }
}

/// What an insert did: added the entry, or found a duplicate (same workflow, node action and code) and counted
/// the save as a success on it (docs/api.md §2.8, D6).
package enum InsertOutcome: Sendable, Equatable {
    /// The entry was added.
    case inserted
    /// An equal entry existed; these are its id and counts after the update.
    case merged(id: String, successCount: Int, lastUsedAt: String)
}

/// Durable storage of the semantic code cache. Every method returns only once its write is durable.
package protocol CodeEntryStore: Sendable {
    /// The model recorded with the vectors, or nil for a store that has none yet.
    func recordedModel() async throws -> EmbeddingModelInfo?
    /// Records the model of the vectors.
    func recordModel(_ model: EmbeddingModelInfo) async throws
    /// Hands every entry with its vector to `visit`, in insertion order, one at a time (a row's buffers are reused for
    /// the next instead of every row being held at once); returns how many there were.
    func forEachEntry(_ visit: (StoredCodeEntry) throws -> Void) async throws -> Int
    /// How many entries there are (to size the index before loading).
    func count() async throws -> Int
    /// One entry with its vector, or nil.
    func load(id: String) async throws -> StoredCodeEntry?
    /// Adds each entry, or merges it into an existing duplicate whose `last_used_at` becomes `time`, in one
    /// transaction; one outcome per entry, in order.
    func insert(_ batch: [StoredCodeEntry], at time: String) async throws -> [InsertOutcome]
    /// Adds one success or failure to an entry; returns the counts after the update, nil when it does not exist.
    func recordResult(id: String, success: Bool, at time: String) async throws -> (successCount: Int, failureCount: Int)?
    /// Deletes an entry; returns whether it existed.
    func delete(id: String) async throws -> Bool
    /// Deletes every entry; returns how many there were.
    func deleteAll() async throws -> Int
    /// Replaces every vector and the recorded model (used by `nova-rag reindex`).
    func replaceVectors(_ vectors: [String: [Float]], model: EmbeddingModelInfo) async throws
}

extension CodeEntryStore {
    /// Every entry with its vector (for re-indexing and tests; the cache loads through ``forEachEntry(_:)``).
    package func loadAll() async throws -> [StoredCodeEntry] {
        var loaded: [StoredCodeEntry] = []
        _ = try await forEachEntry { loaded.append($0) }
        return loaded
    }
}
