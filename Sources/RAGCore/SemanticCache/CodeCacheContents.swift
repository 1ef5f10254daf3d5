/// What the semantic cache holds in memory: every entry by id and the vector index over them.
struct CodeCacheContents: Sendable {
    var entries: [String: CodeEntry] = [:]
    var index: VectorIndex

    /// Empty contents for `dimension`-long vectors.
    init(dimension: Int) {
        index = VectorIndex(dimension: dimension)
    }

    /// The contents of `store`, read entry by entry without re-embedding; a vector of another length throws.
    static func load(from store: any CodeEntryStore, dimension: Int) async throws -> CodeCacheContents {
        var contents = CodeCacheContents(dimension: dimension)
        let expected = try await store.count()
        contents.entries.reserveCapacity(expected)
        contents.index.reserveCapacity(expected)
        _ = try await store.forEachEntry { stored in
            guard stored.vector.count == dimension else { throw CodeCacheError.badEmbedding(expected: dimension, got: stored.vector.count) }
            contents.entries[stored.entry.id] = stored.entry
            contents.index.upsert(id: stored.entry.id, workflowID: stored.entry.workflowID, vector: stored.vector)
        }
        return contents
    }
}
