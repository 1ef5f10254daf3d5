import PromptGuard

/// What the semantic cache holds in memory: every entry by id, the vector index over them and the prompt guard's
/// readings of the prompts searches have met.
struct CodeCacheContents: Sendable {
    var entries: [String: CodeEntry] = [:]
    var index: VectorIndex
    let promptReadings = StoredPromptReadings(promptGuard: PromptGuard())

    /// Empty contents for `dimension`-long vectors.
    init(dimension: Int) {
        index = VectorIndex(dimension: dimension)
    }

    /// Adds or replaces `entry` with its vector.
    mutating func upsert(_ entry: CodeEntry, vector: [Float]) {
        entries[entry.id] = entry
        index.upsert(id: entry.id, workflowID: entry.workflowID, vector: vector)
        promptReadings.forget(entry.id)
    }

    /// Removes the entry `id` from every structure.
    mutating func remove(_ id: String) {
        entries[id] = nil
        index.remove(id: id)
        promptReadings.forget(id)
    }

    /// The contents of `store`, read entry by entry without re-embedding; a vector of another length throws.
    static func load(from store: any CodeEntryStore, dimension: Int) async throws -> CodeCacheContents {
        var contents = CodeCacheContents(dimension: dimension)
        let expected = try await store.count()
        contents.entries.reserveCapacity(expected)
        contents.index.reserveCapacity(expected)
        _ = try await store.forEachEntry { stored in
            guard stored.vector.count == dimension else { throw CodeCacheError.badEmbedding(expected: dimension, got: stored.vector.count) }
            contents.upsert(stored.entry, vector: stored.vector)
        }
        return contents
    }
}
